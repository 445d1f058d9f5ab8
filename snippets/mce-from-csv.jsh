// mCE and relative mCE (AlexNet-normalised) from a CSV of top-1 errors, rows "corruption,e1,e2,e3,e4,e5"
// plus a row "clean,e": ERRORS_CSV=errors.csv MODEL=mine ./robusta jshell snippets/mce-from-csv.jsh
// Without ERRORS_CSV, the CSV is first written from RobustBench's published ImageNet-C accuracies of MODEL.
import dev.robusta.metrics.CorruptionErrors;
import org.apache.commons.csv.*;
String model = System.getenv().getOrDefault("MODEL", "Standard_R50");
Path shared = Path.of(System.getenv().getOrDefault("ROBUSTA_SHARED", "../shared"));
Path csv;
if (System.getenv("ERRORS_CSV") != null) {
  csv = Path.of(System.getenv("ERRORS_CSV"));
} else {
  Path rb = shared.resolve("data/results/robustbench/model_info/imagenet/corruptions");
  List<CSVRecord> rows;
  try (var p = CSVFormat.DEFAULT.parse(Files.newBufferedReader(rb.resolve("unaggregated_results.csv")))) { rows = p.getRecords(); }
  CSVRecord row = rows.stream().filter(r -> r.get(0).equals(model)).findFirst()
      .orElseThrow(() -> new IllegalArgumentException("no row " + model + " in RobustBench's ImageNet-C table"));
  Map<String, double[]> err = new LinkedHashMap<>();
  for (int j = 1; j < row.size(); j++)
    err.computeIfAbsent(rows.get(0).get(j), k -> new double[5])[Integer.parseInt(rows.get(1).get(j)) - 1] = 1 - Double.parseDouble(row.get(j));
  double clean = 1 - new com.fasterxml.jackson.databind.ObjectMapper().readTree(rb.resolve(model + ".json").toFile()).get("clean_acc").asDouble() / 100;
  List<String> lines = new ArrayList<>(List.of("clean," + clean));
  err.forEach((c, e) -> lines.add(c + "," + Arrays.stream(e).mapToObj(String::valueOf).collect(Collectors.joining(","))));
  csv = Files.write(Files.createTempFile("errors-", ".csv"), lines);
}
var b = CorruptionErrors.builder(model);
for (String line : Files.readAllLines(csv)) {
  if (line.isBlank()) continue;
  String[] f = line.split(",");
  if (f[0].equals("clean")) b.clean(Double.parseDouble(f[1]));
  else b.add(f[0], Arrays.stream(f, 1, f.length).mapToDouble(Double::parseDouble).toArray());
}
var r = Metrics.mce(b.build());
System.out.println(r);
System.out.println(String.format(Locale.ROOT, "%s: mCE %.2f, relative mCE %.2f", model, 100 * r.mce(), 100 * r.relativeMce()));
