// Top-1..top-5 accuracy of cached logits: the first run computes and caches ResNet-20's logits on 100 CIFAR-10
// test JPEGs (every 100th), later runs read them back (CACHE=dir to keep the cache somewhere else).
import dev.robusta.infer.*;
Path shared = Path.of(System.getenv().getOrDefault("ROBUSTA_SHARED", "../shared"));
Path cacheDir = Path.of(System.getenv().getOrDefault("CACHE", System.getProperty("java.io.tmpdir") + "/robusta-logits-cache"));
Dataset all = Datasets.load("cifar10", shared.resolve("data/datasets/cifar10-test-jpeg"));
// every 100th test image: 100 images, 10 per class
Dataset ds = new Dataset() {
  public String id() { return all.id() + "/every100"; }
  public int size() { return 100; }
  public Sample get(int i) { return all.get(i * 100); }
};
Predictions p;
try (var model = Models.load(shared.resolve("data/models/cifar10-resnet/cifar10_resnet20.pt"), Preset.CIFAR)) {
  p = Models.evaluate(model, ds, LogitsCache.at(cacheDir));
}
System.out.println(p);
for (int k = 1; k <= 5; k++) {
  int hit = 0;
  for (int i = 0; i < p.size(); i++) {
    float[] l = p.logits()[i];
    int label = p.labels()[i], rank = 0;
    for (float v : l) if (v > l[label]) rank++;
    if (rank < k) hit++;
  }
  System.out.println(String.format(Locale.ROOT, "top-%d accuracy %.4f (%d/%d, logits %s)", k, hit / (double) p.size(), hit, p.size(), p.source()));
}
