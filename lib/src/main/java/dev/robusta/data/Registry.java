package dev.robusta.data;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The dataset registry ({@code datasets.yaml}, packaged as resource
 * {@code dev/robusta/data/datasets.yaml}): every dataset and resource with its URLs, checksums,
 * layout, label space and protocol. Validated when loaded: unknown fields, kinds, layouts or
 * policies, duplicate ids, malformed checksums, archives with neither a checksum nor an explicit
 * {@code checksum:} note, and entries with no way to obtain them are all errors.
 */
public final class Registry {
  static final Set<String> KINDS = Set.of("classification-shift", "corruption", "perturbation-video", "ood",
      "id-base", "resource");
  static final Set<String> LAYOUTS = Set.of("idx", "cifar-binary", "class-folders", "wnid-folders",
      "integer-folders", "corruption-folders", "cifar-c-npy", "cifar-p-npy", "video-folders", "tiny-imagenet",
      "unlabelled-images", "svhn-mat", "synthetic", "file", "none");
  static final Set<String> FORMATS = Set.of("file", "tar", "tar.gz", "zip");
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern MD5 = Pattern.compile("[0-9a-f]{32}");

  /** The YAML document. */
  record Document(Integer version, List<RegistryEntry> resources, List<RegistryEntry> datasets) {}

  private final Map<String, RegistryEntry> datasets;
  private final Map<String, RegistryEntry> resources;

  private Registry(Map<String, RegistryEntry> datasets, Map<String, RegistryEntry> resources) {
    this.datasets = datasets;
    this.resources = resources;
  }

  private static final class Default {
    static final Registry INSTANCE = loadResource();
  }

  /** @return the registry packaged with the library */
  public static Registry builtin() {
    return Default.INSTANCE;
  }

  private static Registry loadResource() {
    try (InputStream in = Registry.class.getResourceAsStream("datasets.yaml")) {
      if (in == null) {
        throw new DatasetException("datasets.yaml is missing from the class path",
            "rebuild the library (mvn package): lib/pom.xml packages datasets.yaml as dev/robusta/data/datasets.yaml");
      }
      return parse(in, "datasets.yaml (class path)");
    } catch (IOException e) {
      throw new DatasetException("cannot read the packaged datasets.yaml: " + e.getMessage(), "rebuild the library", e);
    }
  }

  /**
   * Loads and validates a registry file.
   *
   * @throws DatasetException naming the entry and field when the file is invalid
   */
  public static Registry load(Path yaml) {
    try (InputStream in = Files.newInputStream(yaml)) {
      return parse(in, yaml.toString());
    } catch (IOException e) {
      throw new DatasetException("cannot read registry " + yaml + ": " + e.getMessage(), "check the path", e);
    }
  }

  static Registry parse(InputStream in, String source) {
    ObjectMapper m = new ObjectMapper(new YAMLFactory())
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    Document doc;
    try {
      doc = m.readValue(in, Document.class);
    } catch (IOException e) {
      throw new DatasetException("invalid registry " + source + ": " + e.getMessage().lines().findFirst().orElse(""),
          "fix the field named above; datasets.yaml's header lists the allowed values", e);
    }
    if (doc == null || doc.datasets() == null) {
      throw new DatasetException("registry " + source + " has no 'datasets:' list", "see datasets.yaml");
    }
    Map<String, RegistryEntry> res = new LinkedHashMap<>();
    Map<String, RegistryEntry> ds = new LinkedHashMap<>();
    List<String> errors = new ArrayList<>();
    for (RegistryEntry e : doc.resources() == null ? List.<RegistryEntry>of() : doc.resources()) {
      validate(e, errors);
      if (!"resource".equals(e.kind())) {
        errors.add(e.id() + ": entries under 'resources:' must have kind resource");
      }
      if (res.put(e.id(), e) != null) {
        errors.add("duplicate id " + e.id());
      }
    }
    for (RegistryEntry e : doc.datasets()) {
      validate(e, errors);
      if (ds.put(e.id(), e) != null || res.containsKey(e.id())) {
        errors.add("duplicate id " + e.id());
      }
      if (e.labels() != null && e.labels().list() != null && !res.containsKey(e.labels().list())) {
        errors.add(e.id() + ": labels.list '" + e.labels().list() + "' is not a resource id");
      }
    }
    if (!errors.isEmpty()) {
      throw new DatasetException("invalid registry " + source + ": " + String.join("; ", errors),
          "fix these entries in datasets.yaml");
    }
    return new Registry(Map.copyOf(ds), Map.copyOf(res));
  }

  private static void validate(RegistryEntry e, List<String> errors) {
    String id = e.id();
    if (id == null || !id.matches("[a-z0-9][a-z0-9.\\-]*")) {
      errors.add("entry with bad id '" + id + "' (lower-case letters, digits, '.', '-')");
      return;
    }
    require(e.title(), id, "title", errors);
    require(e.citation(), id, "citation", errors);
    require(e.licence(), id, "licence", errors);
    require(e.homepage(), id, "homepage", errors);
    if (!KINDS.contains(e.kind())) {
      errors.add(id + ": kind '" + e.kind() + "' is not one of " + KINDS);
    }
    if (!LAYOUTS.contains(e.layout())) {
      errors.add(id + ": layout '" + e.layout() + "' is not one of " + LAYOUTS);
    }
    boolean obtainable = !e.archives().isEmpty() || e.manual() != null || !e.localCopies().isEmpty()
        || "synthetic".equals(e.layout());
    if (!obtainable) {
      errors.add(id + ": no archives, no manual instructions and no local copy: nobody can obtain it");
    }
    for (ArchiveSpec a : e.archives()) {
      if (a.file() == null || a.file().isBlank() || a.file().contains("/") || a.file().contains("..")) {
        errors.add(id + ": archive file name '" + a.file() + "' must be a plain file name");
      }
      if (!FORMATS.contains(a.format())) {
        errors.add(id + ": archive " + a.file() + " format '" + a.format() + "' is not one of " + FORMATS);
      }
      if (a.sha256() != null && !SHA256.matcher(a.sha256()).matches()) {
        errors.add(id + ": archive " + a.file() + " sha256 is not 64 lower-case hex digits");
      }
      if (a.md5() != null && !MD5.matcher(a.md5()).matches()) {
        errors.add(id + ": archive " + a.file() + " md5 is not 32 lower-case hex digits");
      }
      if (!a.hasChecksum() && a.checksum() == null) {
        errors.add(id + ": archive " + a.file() + " has no sha256/md5 and no explicit 'checksum: unknown'");
      }
      for (String u : a.urls()) {
        if (!u.startsWith("https://") && !u.startsWith("http://")) {
          errors.add(id + ": archive " + a.file() + " URL '" + u + "' is not http(s)");
        }
      }
    }
    if (e.labels() != null && e.labels().policy() != null) {
      try {
        LabelPolicy.valueOf(e.labels().policy());
      } catch (IllegalArgumentException x) {
        errors.add(id + ": labels.policy '" + e.labels().policy() + "' is not a LabelPolicy");
      }
    }
    if (e.labels() != null && e.labels().classes() != null && e.classes() != null
        && e.labels().classes().size() != e.classes()) {
      errors.add(id + ": " + e.labels().classes().size() + " class names for classes: " + e.classes());
    }
    if ("corruption".equals(e.kind()) && (e.severities() == null || e.corruptions().isEmpty())) {
      errors.add(id + ": corruption sets need severities and corruptions");
    }
  }

  private static void require(String v, String id, String field, List<String> errors) {
    if (v == null || v.isBlank()) {
      errors.add(id + ": " + field + " is missing");
    }
  }

  /**
   * @return the dataset entry
   * @throws DatasetException listing the known ids when {@code id} is unknown
   */
  public RegistryEntry dataset(String id) {
    RegistryEntry e = datasets.get(id);
    if (e == null) {
      throw new DatasetException("unknown dataset id '" + id + "'",
          "known ids: " + String.join(", ", new java.util.TreeSet<>(datasets.keySet()))
              + " (./robusta datasets list)");
    }
    return e;
  }

  /**
   * @return the resource entry (class lists, frost textures)
   * @throws DatasetException when the id is unknown
   */
  public RegistryEntry resource(String id) {
    RegistryEntry e = resources.get(id);
    if (e == null) {
      throw new DatasetException("unknown resource id '" + id + "'",
          "known resources: " + new java.util.TreeSet<>(resources.keySet()));
    }
    return e;
  }

  /** @return the entry for a dataset or resource id, or null */
  public RegistryEntry find(String id) {
    RegistryEntry e = datasets.get(id);
    return e != null ? e : resources.get(id);
  }

  /** @return all dataset entries, sorted by id */
  public List<RegistryEntry> datasets() {
    return sorted(datasets.values());
  }

  /** @return all resource entries, sorted by id */
  public List<RegistryEntry> resources() {
    return sorted(resources.values());
  }

  private static List<RegistryEntry> sorted(Collection<RegistryEntry> c) {
    return c.stream().sorted(java.util.Comparator.comparing(RegistryEntry::id)).toList();
  }

  @Override
  public String toString() {
    return "Registry[" + datasets.size() + " datasets, " + resources.size() + " resources]";
  }
}
