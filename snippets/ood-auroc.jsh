// AUROC / FPR95 / AUPR of two score files (one number per line, higher = more in-distribution, e.g. MSP):
//   ID_SCORES=id.txt OOD_SCORES=ood.txt ./robusta jshell snippets/ood-auroc.jsh
// Without the variables, two demo files are written first (seeded normal draws, ID shifted up by 1.5).
import dev.robusta.metrics.Scores;
Path idFile, oodFile;
if (System.getenv("ID_SCORES") != null) {
  idFile = Path.of(System.getenv("ID_SCORES"));
  oodFile = Path.of(System.getenv("OOD_SCORES"));
} else {
  Path dir = Files.createTempDirectory("robusta-scores");
  var rnd = new Random(7);
  idFile = Files.write(dir.resolve("id.txt"), rnd.doubles(1000).mapToObj(x -> String.valueOf(rnd.nextGaussian() + 1.5)).toList());
  oodFile = Files.write(dir.resolve("ood.txt"), rnd.doubles(1000).mapToObj(x -> String.valueOf(rnd.nextGaussian())).toList());
}
double[] read(Path p) throws IOException {
  return Files.readAllLines(p).stream().map(String::strip).filter(s -> !s.isEmpty()).mapToDouble(Double::parseDouble).toArray();
}
var result = Metrics.ood(Scores.higherIsId("score", read(idFile)), Scores.higherIsId("score", read(oodFile)));
System.out.println(result);
System.out.println(String.format(Locale.ROOT, "AUROC %.4f  FPR95 %.4f", result.auroc(), result.fpr95()));
