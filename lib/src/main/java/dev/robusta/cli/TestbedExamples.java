package dev.robusta.cli;

import dev.robusta.Corruptions;
import dev.robusta.Datasets;
import dev.robusta.data.DatasetException;
import dev.robusta.data.Image;
import dev.robusta.data.ImageDecoder;
import dev.robusta.data.LabelPolicy;
import dev.robusta.data.LabelSpace;
import dev.robusta.data.Loader;
import dev.robusta.infer.Classifier;
import dev.robusta.infer.Preset;
import dev.robusta.report.Report;
import dev.robusta.report.ResultTable;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * {@code eval --dataset imagenet-testbed-examples=DIR}: the example photos of modestyachts/imagenet-testbed
 * ({@code images/}), which carry no labels, evaluated for what they can honestly show:
 *
 * <ul>
 *   <li><b>ImageNet-C examples</b> ({@code <corruption>_<severity>.jpeg}, one photo, {@code bird.jpeg}, under
 *       the corruptions at severities 1..5): <em>prediction consistency</em>, not accuracy. The reference label
 *       is the model's own top-1 on the clean {@code bird.jpeg}; a cell is 1 when the corrupted photo gets the
 *       same top-1 (1000-way argmax), else 0. The files are released-style 224x224 crops: no resize.
 *   <li><b>ImageNet-A examples</b> ({@code nat_adv_examples/*.jpeg}): the model's top-1 under a label policy,
 *       by default {@link LabelPolicy#MASK_TO_SUBSET} over ImageNet-A's 200 wnids (class list
 *       {@code imagenet-a-wnids}; Hendrycks et al., CVPR 2021, natural-adv-examples {@code eval.py}): the argmax
 *       and the softmax confidence are taken over those 200 logits only. The unmasked 1000-way argmax is
 *       printed beside it, with whether it lies inside the 200. {@code --label-policy full-1000} drops the mask.
 *   <li><b>ImageNet-V2 examples</b> ({@code v2_examples/*.jpeg}): top-1 over all 1000 classes (V2 shares
 *       ImageNet-1k's label space).
 * </ul>
 * A and V2 photos go through the {@code imagenet} preset's geometry (shorter side 256, Pillow bilinear, center
 * crop 224); every input is normalised with the ImageNet mean/std. The model must output 1000 logits.
 */
final class TestbedExamples {
  static final String ID = "imagenet-testbed-examples";
  private static final Pattern CELL = Pattern.compile("([a-z_]+)_([1-5])\\.jpeg");

  /** One cell of the consistency grid. */
  record Cell(String corruption, int severity, String file, int top1, double msp, boolean consistent) {}

  /** One unlabelled example photo and the model's prediction under a policy. */
  record Example(String file, LabelPolicy policy, int prediction, double confidence, int argmax1k,
      boolean argmaxInSubset) {}

  /** What the run produced (predictions are ImageNet-1k indices). */
  record Result(int cleanTop1, List<Cell> grid, List<String> missing, List<Example> natAdv, List<Example> v2,
      List<ResultTable> tables, Path report) {}

  private final Path dir;
  private final ImageNetClassNames names = ImageNetClassNames.load();
  private final List<String> wnids;

  private TestbedExamples(Path dir, List<String> wnids) {
    this.dir = dir;
    this.wnids = wnids;
  }

  /** @return whether a {@code --dataset} entry names the testbed examples */
  static boolean matches(String arg) {
    return arg.equals(ID) || arg.startsWith(ID + "=");
  }

  /**
   * @param arg {@code imagenet-testbed-examples=DIR} or {@code imagenet-testbed-examples} with {@code --root}
   * @param root {@code --root}, or null
   * @throws UsageException when no folder is given or it is not the testbed's {@code images/} folder
   */
  static TestbedExamples at(String arg, Path root) {
    int eq = arg.indexOf('=');
    Path d = eq > 0 ? Path.of(arg.substring(eq + 1).trim()).toAbsolutePath().normalize() : root;
    if (d == null) {
      throw new UsageException(ID + " needs its folder", "--dataset " + ID + "=DIR (imagenet-testbed's images/"
          + " folder: bird.jpeg, <corruption>_<severity>.jpeg, nat_adv_examples/, v2_examples/)");
    }
    if (!Files.isRegularFile(d.resolve("bird.jpeg")) && Files.isRegularFile(d.resolve("images/bird.jpeg"))) {
      d = d.resolve("images");
    }
    if (!Files.isDirectory(d)) {
      throw new UsageException("testbed examples folder " + d + " does not exist",
          "pass imagenet-testbed's images/ folder: --dataset " + ID + "=DIR");
    }
    if (!Files.isRegularFile(d.resolve("bird.jpeg"))) {
      throw new UsageException(d + " has no bird.jpeg: not imagenet-testbed's images/ folder",
          "the folder holds bird.jpeg, <corruption>_<severity>.jpeg, nat_adv_examples/ and v2_examples/");
    }
    List<String> in1k;
    try {
      in1k = Datasets.imagenet1k().classes();
    } catch (DatasetException e) {
      throw new UsageException(e.getMessage(), e.hint() != null ? e.hint() : "set ROBUSTA_CLASS_LISTS");
    }
    return new TestbedExamples(d, in1k);
  }

  /**
   * Refuses a non-ImageNet preprocessing and says which options do not apply (nothing is ignored silently).
   *
   * @param preset {@code --preset}, or null
   * @param otherOptions whether {@code --corruptions}, {@code --ood} or {@code --limit} were given
   */
  static void checkOptions(Preset preset, boolean otherOptions) {
    if (preset != null && !preset.equals(Preset.IMAGENET) && !preset.equals(Preset.IMAGENET_C_RELEASED)) {
      throw new UsageException("--preset " + preset.name() + " does not fit the testbed examples (ImageNet photos)",
          "leave --preset out or pass --preset imagenet");
    }
    if (otherOptions) {
      System.out.println("robusta: --corruptions, --ood and --limit do not apply to " + ID + " (its ImageNet-C"
          + " photos are corrupted already, all photos are unlabelled); they are not used for it");
    }
  }

  /**
   * Runs the three evaluations and writes their tables (CSV) and report.html under {@code outDir}.
   *
   * @param model any classifier; it is given 224x224 pictures
   * @param aPolicy the policy for the ImageNet-A examples ({@code MASK_TO_SUBSET} or {@code FULL_1000})
   * @throws UsageException when the model does not output 1000 logits or the policy does not apply
   */
  Result run(Classifier model, LabelPolicy aPolicy, Path outDir, Map<String, String> config, PrintStream out) {
    if (aPolicy == LabelPolicy.MAP_ANY_OF) {
      throw new UsageException("label policy map-any-of does not apply to the ImageNet-A examples (one ImageNet"
          + " class per ImageNet-A class)", "--label-policy mask-to-subset (the paper's protocol) or full-1000");
    }
    // ImageNet-C examples: released-style 224x224 crops
    Image clean = decode(dir.resolve("bird.jpeg"));
    List<String> files = listFiles(dir);
    Map<String, Map<Integer, String>> byCorruption = new TreeMap<>();
    for (String f : files) {
      Matcher m = CELL.matcher(f);
      if (m.matches() && Corruptions.names().contains(m.group(1))) {
        byCorruption.computeIfAbsent(m.group(1), k -> new TreeMap<>()).put(Integer.parseInt(m.group(2)), f);
      }
    }
    List<String> order = new ArrayList<>();
    for (String c : Corruptions.names()) {
      if (byCorruption.containsKey(c)) {
        order.add(c);
      }
    }
    List<String> missing = Corruptions.names().stream().filter(c -> !byCorruption.containsKey(c)).toList();
    List<String> others = files.stream().filter(f -> !f.equals("bird.jpeg") && !(CELL.matcher(f).matches()
        && byCorruption.containsKey(f.replaceAll("_[1-5]\\.jpeg$", "")))).toList();
    List<Image> gridImages = new ArrayList<>();
    gridImages.add(clean);
    List<String[]> cellFiles = new ArrayList<>();
    for (String c : order) {
      for (var e : byCorruption.get(c).entrySet()) {
        gridImages.add(decode(dir.resolve(e.getValue())));
        cellFiles.add(new String[] {c, Integer.toString(e.getKey()), e.getValue()});
      }
    }
    float[][] gl = logits(model, gridImages);
    int ref = argMax(gl[0], null);
    List<Cell> grid = new ArrayList<>();
    for (int i = 0; i < cellFiles.size(); i++) {
      float[] l = gl[i + 1];
      int p = argMax(l, null);
      grid.add(new Cell(cellFiles.get(i)[0], Integer.parseInt(cellFiles.get(i)[1]), cellFiles.get(i)[2], p,
          softmaxMax(l, null), p == ref));
    }

    // ImageNet-A and V2 examples: arbitrary sizes, imagenet geometry
    LabelSpace a200 = imagenetA();
    boolean[] inA = new boolean[1000];
    for (int c = 0; c < a200.size(); c++) {
      inA[a200.toImagenet(c)] = true;
    }
    List<Example> nat = examples(model, "nat_adv_examples", aPolicy, inA);
    List<Example> v2 = examples(model, "v2_examples", LabelPolicy.FULL_1000, inA);

    // tables
    String refName = label(ref);
    List<ResultTable> tables = new ArrayList<>();
    Map<String, String> gridConv = new LinkedHashMap<>();
    gridConv.put("metric", "prediction consistency, NOT accuracy: the photos carry no labels; reference label"
        + " = the model's own top-1 on the clean bird.jpeg (" + refName + "); 1 = same top-1 (1000-way argmax)"
        + " on the corrupted photo");
    gridConv.put("images", "imagenet-testbed images/<corruption>_<severity>.jpeg, 224x224 as released (no resize)"
        + (missing.isEmpty() ? "" : "; no example for " + missing)
        + (others.isEmpty() ? "" : "; not ImageNet-C corruptions, left out: " + others));
    tables.add(ResultTable.of("ImageNet-C examples: prediction consistency per corruption and severity",
        wideGrid(order, grid), gridConv));
    Map<String, String> cellConv = new LinkedHashMap<>(gridConv);
    cellConv.put("msp", "max softmax probability over 1000 classes");
    tables.add(ResultTable.of("ImageNet-C examples: every cell", longGrid(grid), cellConv));
    Map<String, String> aConv = new LinkedHashMap<>();
    aConv.put("label space", aPolicy == LabelPolicy.MASK_TO_SUBSET
        ? "MASK_TO_SUBSET: predictions restricted to ImageNet-A's 200 classes (imagenet-a-wnids), argmax and"
        + " softmax over those 200 logits (Hendrycks et al., CVPR 2021, natural-adv-examples eval.py)"
        : "FULL_1000: argmax over all 1000 logits; a prediction outside the 200 ImageNet-A classes would count as"
        + " wrong on ImageNet-A");
    aConv.put("labels", "none shipped with the examples: predictions only");
    aConv.put("argmax1k", "the unmasked 1000-way argmax, for comparison; inSubset = one of the 200");
    tables.add(ResultTable.of("ImageNet-A examples: predictions (" + LabelPolicies.spelling(aPolicy) + ")",
        exampleTable(nat, true), aConv));
    Map<String, String> vConv = new LinkedHashMap<>();
    vConv.put("label space", "FULL_1000: argmax and softmax over all 1000 ImageNet classes (ImageNetV2 shares"
        + " ImageNet-1k's classes)");
    vConv.put("labels", "none shipped with the examples: predictions only");
    tables.add(ResultTable.of("ImageNet-V2 examples: predictions (full-1000)", exampleTable(v2, false), vConv));

    out.println();
    out.println("imagenet-testbed examples in " + dir + " (no labels shipped):");
    out.println("  ImageNet-C examples: prediction consistency with the model's clean top-1 on bird.jpeg ("
        + refName + "), " + order.size() + " corruptions x 5 severities");
    out.println("  label-space policy for the ImageNet-A examples: " + aPolicy + (aPolicy == LabelPolicy.MASK_TO_SUBSET
        ? " (argmax over the 200 ImageNet-A classes)" : " (argmax over all 1000 classes)")
        + "; ImageNet-V2 examples: FULL_1000");
    for (ResultTable t : tables.subList(2, 4)) {
      out.println();
      out.println(t);
    }
    out.println();
    out.println(tables.get(0));
    double mean = grid.stream().mapToDouble(c -> c.consistent() ? 1 : 0).average().orElse(Double.NaN);
    out.printf(Locale.ROOT, "%nPrediction consistency over %d cells: %.1f%% (reference = clean top-1 %s)%n",
        grid.size(), 100 * mean, refName);
    try {
      Files.createDirectories(outDir);
      for (ResultTable t : tables) {
        t.writeCsv(outDir.resolve(slug(t.title()) + ".csv"));
      }
      Path html = Report.of(new ArrayList<Object>(tables)).title("Robusta: imagenet-testbed examples")
          .config(config).config("class names", names.source()).write(outDir.resolve("report.html"));
      out.println();
      out.println("Report: " + html.toAbsolutePath());
      return new Result(ref, grid, missing, nat, v2, tables, html);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write into " + outDir, e);
    }
  }

  private List<Example> examples(Classifier model, String sub, LabelPolicy policy, boolean[] subset) {
    Path d = dir.resolve(sub);
    if (!Files.isDirectory(d)) {
      return List.of();
    }
    List<String> files = listFiles(d).stream().filter(f -> f.toLowerCase(Locale.ROOT).matches(".*\\.(jpe?g|png)"))
        .toList();
    List<Image> imgs = new ArrayList<>();
    for (String f : files) {
      imgs.add(Preset.IMAGENET.geometry(decode(d.resolve(f))));
    }
    float[][] l = logits(model, imgs);
    List<Example> ex = new ArrayList<>();
    for (int i = 0; i < l.length; i++) {
      boolean[] mask = policy == LabelPolicy.MASK_TO_SUBSET ? subset : null;
      int full = argMax(l[i], null);
      ex.add(new Example(sub + "/" + files.get(i), policy, argMax(l[i], mask), softmaxMax(l[i], mask), full,
          subset[full]));
    }
    return ex;
  }

  private static float[][] logits(Classifier model, List<Image> imgs) {
    if (imgs.isEmpty()) {
      return new float[0][];
    }
    float[][] l = model.logits(imgs);
    if (l[0].length != 1000) {
      throw new UsageException("the model outputs " + l[0].length + " logits but the testbed examples are"
          + " ImageNet photos (1000 classes)", "pass an ImageNet-1k classifier (e.g. mobilenetv2-12-int8.onnx)");
    }
    return l;
  }

  private static LabelSpace imagenetA() {
    try {
      return Loader.defaults().labelSpace(Datasets.info("imagenet-a"), null);
    } catch (DatasetException e) {
      throw new UsageException(e.getMessage(), e.hint() != null ? e.hint() : "set ROBUSTA_CLASS_LISTS");
    }
  }

  /** @return the argmax over the classes where {@code mask} is true (all when null), lower index on ties */
  static int argMax(float[] v, boolean[] mask) {
    int b = -1;
    for (int i = 0; i < v.length; i++) {
      if ((mask == null || mask[i]) && (b < 0 || v[i] > v[b])) {
        b = i;
      }
    }
    return b;
  }

  /** @return the largest softmax probability over the classes where {@code mask} is true (all when null) */
  static double softmaxMax(float[] v, boolean[] mask) {
    double mx = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < v.length; i++) {
      if (mask == null || mask[i]) {
        mx = Math.max(mx, v[i]);
      }
    }
    double z = 0;
    for (int i = 0; i < v.length; i++) {
      if (mask == null || mask[i]) {
        z += Math.exp(v[i] - mx);
      }
    }
    return 1 / z;
  }

  private String label(int imagenetIndex) {
    String w = wnids.get(imagenetIndex);
    String n = names.name(w);
    return n.isEmpty() ? w : w + " " + n;
  }

  private Table wideGrid(List<String> order, List<Cell> grid) {
    Table t = Table.create("consistency", StringColumn.create("corruption"));
    for (int s = 1; s <= 5; s++) {
      t.addColumns(DoubleColumn.create("s" + s));
    }
    t.addColumns(DoubleColumn.create("mean"));
    double[] bySeverity = new double[5];
    int[] countBySeverity = new int[5];
    for (String c : order) {
      t.stringColumn("corruption").append(c);
      double sum = 0;
      int n = 0;
      for (int s = 1; s <= 5; s++) {
        final int sev = s;
        Cell cell = grid.stream().filter(x -> x.corruption().equals(c) && x.severity() == sev).findFirst().orElse(null);
        double v = cell == null ? Double.NaN : cell.consistent() ? 1 : 0;
        t.doubleColumn("s" + s).append(v);
        if (cell != null) {
          sum += v;
          n++;
          bySeverity[s - 1] += v;
          countBySeverity[s - 1]++;
        }
      }
      t.doubleColumn("mean").append(n == 0 ? Double.NaN : sum / n);
    }
    t.stringColumn("corruption").append("mean");
    double all = 0;
    int n = 0;
    for (int s = 0; s < 5; s++) {
      t.doubleColumn("s" + (s + 1)).append(countBySeverity[s] == 0 ? Double.NaN : bySeverity[s] / countBySeverity[s]);
      all += bySeverity[s];
      n += countBySeverity[s];
    }
    t.doubleColumn("mean").append(n == 0 ? Double.NaN : all / n);
    return t;
  }

  private Table longGrid(List<Cell> grid) {
    Table t = Table.create("cells", StringColumn.create("corruption"), IntColumn.create("severity"),
        StringColumn.create("file"), StringColumn.create("top1"), StringColumn.create("top1Name"),
        DoubleColumn.create("msp"), IntColumn.create("consistent"));
    for (Cell c : grid) {
      String w = wnids.get(c.top1());
      t.stringColumn("corruption").append(c.corruption());
      t.intColumn("severity").append(c.severity());
      t.stringColumn("file").append(c.file());
      t.stringColumn("top1").append(w);
      t.stringColumn("top1Name").append(names.name(w));
      t.doubleColumn("msp").append(c.msp());
      t.intColumn("consistent").append(c.consistent() ? 1 : 0);
    }
    return t;
  }

  private Table exampleTable(List<Example> ex, boolean withUnmasked) {
    Table t = Table.create("examples", StringColumn.create("photo"), StringColumn.create("policy"),
        StringColumn.create("top1"), StringColumn.create("top1Name"), DoubleColumn.create("msp"));
    if (withUnmasked) {
      t.addColumns(StringColumn.create("argmax1k"), StringColumn.create("argmax1kName"),
          StringColumn.create("argmax1kInSubset"));
    }
    for (Example e : ex) {
      String w = wnids.get(e.prediction());
      String f = wnids.get(e.argmax1k());
      t.stringColumn("photo").append(e.file());
      t.stringColumn("policy").append(e.policy().name());
      t.stringColumn("top1").append(w);
      t.stringColumn("top1Name").append(names.name(w));
      t.doubleColumn("msp").append(e.confidence());
      if (withUnmasked) {
        t.stringColumn("argmax1k").append(f);
        t.stringColumn("argmax1kName").append(names.name(f));
        t.stringColumn("argmax1kInSubset").append(e.argmaxInSubset() ? "yes" : "no");
      }
    }
    return t;
  }

  private static Image decode(Path f) {
    try {
      return ImageDecoder.decode(f).toRgb();
    } catch (DatasetException e) {
      throw new UsageException("cannot decode " + f + ": " + e.getMessage(), "the examples are RGB JPEGs");
    }
  }

  private static List<String> listFiles(Path d) {
    try (Stream<Path> s = Files.list(d)) {
      return s.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + d, e);
    }
  }

  private static String slug(String title) {
    String s = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    return s.length() > 60 ? s.substring(0, 60) : s;
  }
}
