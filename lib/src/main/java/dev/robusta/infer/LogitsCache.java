package dev.robusta.infer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A folder of logits, one entry per (model checksum, dataset id + size, cell, preprocessing).
 *
 * <h2>Layout (format {@code robusta-logits/1})</h2>
 * <pre>
 * ROOT/&lt;model-name&gt;-&lt;sha256[0:12]&gt;/&lt;dataset-id&gt;/&lt;cell&gt;.&lt;key-hash&gt;.json          manifest
 * ROOT/&lt;model-name&gt;-&lt;sha256[0:12]&gt;/&lt;dataset-id&gt;/&lt;cell&gt;.&lt;key-hash&gt;.logits.npy    float32 [N, C]
 * ROOT/&lt;model-name&gt;-&lt;sha256[0:12]&gt;/&lt;dataset-id&gt;/&lt;cell&gt;.&lt;key-hash&gt;.labels.npy    int32 [N], -1 = none
 * ROOT/&lt;model-name&gt;-&lt;sha256[0:12]&gt;/&lt;dataset-id&gt;/&lt;cell&gt;.&lt;key-hash&gt;.features.npy  float32 [N, D], optional
 * </pre>
 * The {@code .npy} files are plain NumPy 1.0 C-order arrays ({@code numpy.load} reads them). The JSON
 * manifest holds the full key text, the model/dataset/cell/preprocessing description, and per file its
 * name, dtype, shape and SHA-256. {@code key-hash} is the first 16 hex digits of the key's SHA-256.
 *
 * <h2>Integrity</h2>
 * Every file is written to a temporary name in the same folder and renamed into place (atomic on
 * POSIX file systems); the manifest is written last, so an entry without a manifest does not exist.
 * On every read the manifest's key and each file's SHA-256 and shape are checked; an entry that fails
 * is logged, deleted and recomputed by the {@link Pipeline}. Checkpoints of an interrupted run are
 * {@code <cell>.<key-hash>.part-<start>.seg} files (a small binary record: magic {@code RBSEG001},
 * start, n, C, D, labels, logits, features, then the SHA-256 of everything before it), deleted once the
 * entry is complete.
 */
public final class LogitsCache {
  static final String FORMAT = "robusta-logits/1";
  private static final Logger LOG = LoggerFactory.getLogger(LogitsCache.class);
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final byte[] SEG_MAGIC = "RBSEG001".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private final Path root;

  private LogitsCache(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  /** @return a cache rooted at {@code root} (created on first write) */
  public static LogitsCache at(Path root) {
    return new LogitsCache(root);
  }

  /** @return {@code $ROBUSTA_CACHE/logits}, else {@code ~/.cache/robusta/logits} */
  public static LogitsCache standard() {
    String env = System.getenv("ROBUSTA_CACHE");
    Path base = env != null ? Path.of(env) : Path.of(System.getProperty("user.home"), ".cache", "robusta");
    return at(base.resolve("logits"));
  }

  public Path root() { return root; }

  /** @return the manifests of all complete entries under the root, sorted */
  public List<Path> entries() {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(root, 3)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + root + ": " + e.getMessage(), e);
    }
  }

  Path manifestPath(CacheKey key) {
    return root.resolve(key.folder()).resolve(key.stem() + ".json");
  }

  /**
   * Reads a complete entry without the model.
   *
   * @param manifest the entry's {@code .json} file
   * @throws CacheCorruptedException when a file is missing, truncated, or fails its checksum or shape
   */
  public static Predictions read(Path manifest) {
    JsonNode m;
    try {
      m = JSON.readTree(Files.readAllBytes(manifest));
    } catch (IOException e) {
      throw new CacheCorruptedException(manifest, "manifest unreadable: " + e.getMessage());
    }
    if (m == null || !FORMAT.equals(m.path("format").asText())) {
      throw new CacheCorruptedException(manifest, "not a " + FORMAT + " manifest");
    }
    Path dir = manifest.getParent();
    int n = m.path("n").asInt(-1);
    JsonNode files = m.path("files");
    float[][] logits = Npy.rows(load(manifest, dir, files.path("logits"), n));
    int[] labels = load(manifest, dir, files.path("labels"), n).i32();
    float[][] features = files.has("features") ? Npy.rows(load(manifest, dir, files.path("features"), n)) : null;
    if (labels == null) {
      throw new CacheCorruptedException(manifest, "labels are not int32");
    }
    JsonNode mod = m.path("model");
    ModelInfo info = new ModelInfo(mod.path("name").asText(), mod.path("sha256").asText(),
        Backend.valueOf(mod.path("backend").asText()), mod.path("device").asText(),
        Precision.valueOf(mod.path("precision").asText()), textOrNull(mod.path("logits_output")),
        textOrNull(mod.path("features_output")));
    return new Predictions(info, m.path("dataset").asText(), m.path("cell").asText(),
        m.path("preprocessing").asText(), logits, labels, features, Predictions.Source.CACHE);
  }

  private static String textOrNull(JsonNode n) {
    return n.isMissingNode() || n.isNull() ? null : n.asText();
  }

  private static Npy.Array load(Path manifest, Path dir, JsonNode f, int n) {
    if (f.isMissingNode()) {
      throw new CacheCorruptedException(manifest, "manifest lists no such file");
    }
    Path p = dir.resolve(f.path("name").asText());
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(p);
    } catch (IOException e) {
      throw new CacheCorruptedException(manifest, "missing " + p.getFileName());
    }
    String sha = Checksums.sha256(bytes, 0, bytes.length);
    if (!sha.equals(f.path("sha256").asText())) {
      throw new CacheCorruptedException(manifest, p.getFileName() + " has SHA-256 " + sha + ", the manifest says "
          + f.path("sha256").asText());
    }
    Npy.Array a;
    try {
      a = Npy.decode(bytes);
    } catch (IllegalArgumentException e) {
      throw new CacheCorruptedException(manifest, p.getFileName() + ": " + e.getMessage());
    }
    if (a.shape().length == 0 || a.shape()[0] != n) {
      throw new CacheCorruptedException(manifest, p.getFileName() + " has shape " + Arrays.toString(a.shape())
          + ", expected " + n + " rows");
    }
    return a;
  }

  /**
   * Reads the entry of logits computed outside a {@link Pipeline} (e.g. by a model trained in this
   * process); the key is built exactly as the pipeline builds it, from every argument.
   *
   * @param model the model; {@link ModelInfo#sha256()} must be a digest of its weights (64 hex digits)
   * @param dataset the dataset id
   * @param size the number of rows the entry must have
   * @param cell the cell (include the protocol: corruption preset, seed, channel policy)
   * @param preprocessingKey a canonical description of the input preprocessing
   * @return the entry when present and intact; a damaged one is deleted and reported empty
   */
  public Optional<Predictions> lookup(ModelInfo model, String dataset, int size, String cell,
      String preprocessingKey) {
    return get(new CacheKey(model, dataset, size, cell, preprocessingKey, preprocessingKey));
  }

  /**
   * Writes the entry that {@link #lookup} with the same arguments reads (arrays first, manifest last, each
   * through a temporary file and a rename).
   *
   * @param p logits with {@link Predictions#model()}, {@link Predictions#dataset()} and
   *     {@link Predictions#cell()} set as they will be looked up
   * @param preprocessingKey the same description passed to {@link #lookup}
   */
  public void store(Predictions p, String preprocessingKey) {
    put(new CacheKey(p.model(), p.dataset(), p.size(), p.cell(), preprocessingKey, preprocessingKey), p);
  }

  /** @return the entry for the key when present and intact; a damaged entry is deleted and reported empty */
  Optional<Predictions> get(CacheKey key) {
    Path manifest = manifestPath(key);
    if (!Files.isRegularFile(manifest)) {
      return Optional.empty();
    }
    try {
      JsonNode m = JSON.readTree(Files.readAllBytes(manifest));
      if (m == null || !key.text().equals(m.path("key").asText())) {
        throw new CacheCorruptedException(manifest, "manifest key differs from " + key.text());
      }
      return Optional.of(read(manifest));
    } catch (IOException | CacheCorruptedException e) {
      LOG.warn("logits cache entry {} is damaged ({}); deleting it, the logits will be recomputed", manifest,
          e.getMessage());
      delete(key);
      deleteSegments(key);
      return Optional.empty();
    }
  }

  /** Writes a complete entry: the arrays first, the manifest last, each through temp file + rename. */
  void put(CacheKey key, Predictions p) {
    Path dir = root.resolve(key.folder());
    String stem = key.stem();
    int c = p.numClasses();
    Map<String, Object> files = new LinkedHashMap<>();
    files.put("logits", writeArray(dir, stem + ".logits.npy", Npy.encode(p.logits(), c), "<f4",
        List.of(p.size(), c)));
    files.put("labels", writeArray(dir, stem + ".labels.npy", Npy.encode(p.labels()), "<i4", List.of(p.size())));
    if (p.features() != null) {
      int d = p.features().length == 0 ? 0 : p.features()[0].length;
      files.put("features", writeArray(dir, stem + ".features.npy", Npy.encode(p.features(), d), "<f4",
          List.of(p.size(), d)));
    }
    Map<String, Object> model = new LinkedHashMap<>();
    ModelInfo mi = p.model();
    model.put("name", mi.name());
    model.put("sha256", mi.sha256());
    model.put("backend", mi.backend().name());
    model.put("device", mi.device());
    model.put("precision", mi.precision().name());
    model.put("logits_output", mi.logitsOutput());
    model.put("features_output", mi.featuresOutput());
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("format", FORMAT);
    m.put("key", key.text());
    m.put("model", model);
    m.put("dataset", p.dataset());
    m.put("cell", p.cell());
    m.put("preprocessing", p.preprocessing());
    m.put("preprocessing_key", key.presetKey());
    m.put("n", p.size());
    m.put("classes", c);
    m.put("files", files);
    try {
      atomicWrite(dir.resolve(stem + ".json"), JSON.writeValueAsBytes(m));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write cache manifest in " + dir + ": " + e.getMessage(), e);
    }
  }

  private static Map<String, Object> writeArray(Path dir, String name, byte[] bytes, String dtype, List<Integer> shape) {
    atomicWrite(dir.resolve(name), bytes);
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("name", name);
    f.put("dtype", dtype);
    f.put("shape", shape);
    f.put("sha256", Checksums.sha256(bytes, 0, bytes.length));
    return f;
  }

  static void atomicWrite(Path target, byte[] bytes) {
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp-" + UUID.randomUUID());
    try {
      Files.createDirectories(target.getParent());
      Files.write(tmp, bytes);
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException ignored) {
        // the temp file is not an entry; leaving it does no harm
      }
      throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
    }
  }

  /** Deletes an entry (manifest first, so a half-deleted entry never counts) and its checkpoints. */
  void delete(CacheKey key) {
    Path dir = root.resolve(key.folder());
    String stem = key.stem();
    try {
      Files.deleteIfExists(dir.resolve(stem + ".json"));
      for (String s : List.of(".logits.npy", ".labels.npy", ".features.npy")) {
        Files.deleteIfExists(dir.resolve(stem + s));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete cache entry " + stem + " in " + dir + ": " + e.getMessage(), e);
    }
  }

  // ---- checkpoints of unfinished runs ----

  /** Deletes the checkpoints of a key (after its entry is complete, or when starting over). */
  void deleteSegments(CacheKey key) {
    for (Path seg : segments(key)) {
      try {
        Files.deleteIfExists(seg);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot delete checkpoint " + seg + ": " + e.getMessage(), e);
      }
    }
  }

  /** Rows {@code start .. start+labels.length-1} of an unfinished run. */
  record Segment(int start, int[] labels, float[][] logits, float[][] features) {}

  void writeSegment(CacheKey key, Segment s) {
    int n = s.labels.length;
    int c = n == 0 ? 0 : s.logits[0].length;
    int d = s.features == null || n == 0 ? 0 : s.features[0].length;
    long size = SEG_MAGIC.length + 16 + 4L * n + 4L * n * c + 4L * n * d + 32;
    ByteBuffer b = ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
    b.put(SEG_MAGIC).putInt(s.start).putInt(n).putInt(c).putInt(d);
    for (int l : s.labels) {
      b.putInt(l);
    }
    for (float[] r : s.logits) {
      for (float v : r) {
        b.putFloat(v);
      }
    }
    if (d > 0) {
      for (float[] r : s.features) {
        for (float v : r) {
          b.putFloat(v);
        }
      }
    }
    b.put(java.util.HexFormat.of().parseHex(Checksums.sha256(b.array(), 0, b.position())));
    Path dir = root.resolve(key.folder());
    atomicWrite(dir.resolve(key.stem() + String.format(".part-%010d.seg", s.start)), b.array());
  }

  /**
   * @return the intact checkpoints that continue each other from row 0, in order; damaged ones and any
   *     after a gap are deleted
   */
  List<Segment> readSegments(CacheKey key, int expectedClasses) {
    List<Segment> out = new ArrayList<>();
    int next = 0;
    for (Path p : segments(key)) {
      Segment s = null;
      try {
        s = decodeSegment(Files.readAllBytes(p));
      } catch (IOException | RuntimeException e) {
        LOG.warn("checkpoint {} is unreadable ({}); deleting it", p, e.getMessage());
      }
      if (s != null && s.start == next && (expectedClasses <= 0 || s.logits.length == 0
          || s.logits[0].length == expectedClasses)) {
        out.add(s);
        next += s.labels.length;
      } else {
        if (s != null) {
          LOG.warn("checkpoint {} does not continue row {}; deleting it", p, next);
        }
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return out;
  }

  private static Segment decodeSegment(byte[] bytes) {
    if (bytes.length < SEG_MAGIC.length + 16 + 32) {
      throw new IllegalArgumentException("truncated");
    }
    String sha = Checksums.sha256(bytes, 0, bytes.length - 32);
    String stored = java.util.HexFormat.of().formatHex(bytes, bytes.length - 32, bytes.length);
    if (!sha.equals(stored)) {
      throw new IllegalArgumentException("checksum mismatch");
    }
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    byte[] magic = new byte[SEG_MAGIC.length];
    b.get(magic);
    if (!Arrays.equals(magic, SEG_MAGIC)) {
      throw new IllegalArgumentException("bad magic");
    }
    int start = b.getInt();
    int n = b.getInt();
    int c = b.getInt();
    int d = b.getInt();
    int[] labels = new int[n];
    float[][] logits = new float[n][c];
    float[][] features = d > 0 ? new float[n][d] : null;
    for (int i = 0; i < n; i++) {
      labels[i] = b.getInt();
    }
    for (int i = 0; i < n; i++) {
      b.asFloatBuffer().get(logits[i]);
      b.position(b.position() + 4 * c);
    }
    for (int i = 0; d > 0 && i < n; i++) {
      b.asFloatBuffer().get(features[i]);
      b.position(b.position() + 4 * d);
    }
    return new Segment(start, labels, logits, features);
  }

  List<Path> segments(CacheKey key) {
    Path dir = root.resolve(key.folder());
    String prefix = key.stem() + ".part-";
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> {
        String n = p.getFileName().toString();
        return n.startsWith(prefix) && n.endsWith(".seg");
      }).sorted().toList();
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "LogitsCache[" + root + ", format " + FORMAT + "]";
  }
}
