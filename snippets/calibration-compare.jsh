// Compare two models' calibration (ECE 15 bins, RMS calibration error, NLL, Brier) on the same images:
//   MODEL_A=a.pt MODEL_B=b.pt ./robusta jshell snippets/calibration-compare.jsh   (CIFAR preprocessing)
import dev.robusta.infer.*;
import dev.robusta.metrics.Calibration;
Path shared = Path.of(System.getenv().getOrDefault("ROBUSTA_SHARED", "../shared"));
Path dir = shared.resolve("data/models/cifar10-resnet");
List<Path> models = List.of(Path.of(System.getenv().getOrDefault("MODEL_A", dir.resolve("cifar10_resnet20.pt").toString())),
    Path.of(System.getenv().getOrDefault("MODEL_B", dir.resolve("cifar10_resnet56.pt").toString())));
Dataset all = Datasets.load("cifar10", shared.resolve("data/datasets/cifar10-test-jpeg"));
// every 100th test image: 100 images, 10 per class
Dataset ds = new Dataset() {
  public String id() { return all.id() + "/every100"; }
  public int size() { return 100; }
  public Sample get(int i) { return all.get(i * 100); }
};
var t = Table.create("calibration", StringColumn.create("model"), DoubleColumn.create("top-1"), DoubleColumn.create("ECE"),
    DoubleColumn.create("RMS CE"), DoubleColumn.create("NLL"), DoubleColumn.create("Brier"));
for (Path m : models) {
  Predictions p;
  try (var c = Models.load(m, Preset.CIFAR)) { p = Models.evaluate(c, ds); }
  double[] conf = OodScores.msp(p).values();
  int[] pred = p.predicted();
  boolean[] ok = new boolean[conf.length];
  for (int i = 0; i < ok.length; i++) ok[i] = pred[i] == p.labels()[i];
  double[][] lg = new double[p.size()][];
  for (int i = 0; i < lg.length; i++) { lg[i] = new double[p.numClasses()]; for (int k = 0; k < lg[i].length; k++) lg[i][k] = p.logits()[i][k]; }
  t.stringColumn("model").append(m.getFileName().toString());
  t.doubleColumn("top-1").append(p.top1());
  t.doubleColumn("ECE").append(Calibration.ece(conf, ok).value());
  t.doubleColumn("RMS CE").append(Calibration.rms(conf, ok).value());
  t.doubleColumn("NLL").append(Calibration.nll(lg, p.labels()));
  t.doubleColumn("Brier").append(Calibration.brier(lg, p.labels()));
}
show(t);
System.out.println("compared " + models.size() + " models on " + ds.size() + " images of " + ds.id());
