package dev.robusta.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.robusta.Datasets;
import dev.robusta.testing.Shared;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Loaders on the real samples of ../shared/data/datasets and Debian's Fashion-MNIST. */
@Timeout(120)
class RealSamplesTest {
  @TempDir Path tmp;

  @BeforeAll
  static void classLists() {
    Path dir = Shared.root().resolve("data/class-lists");
    if (Files.isDirectory(dir)) {
      Datasets.useClassLists(dir);
    }
  }

  @Test
  void fashionMnistFromDebianBothSplits() {
    Path deb = Path.of("/usr/share/datasets/fashion-mnist");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(deb),
        "skipped: Debian's dataset-fashion-mnist is not installed (environment/install.sh installs it)");
    Dataset test = Datasets.load("fashion-mnist");
    assertEquals(10000, test.size());
    assertEquals("fashion-mnist/test", test.id());
    int[] first = {9, 2, 1, 1, 6, 1, 4, 6, 5, 7};
    for (int i = 0; i < first.length; i++) {
      assertEquals(first[i], test.get(i).label());
    }
    Image img = test.get(0).image();
    assertEquals(28, img.height());
    assertEquals(1, img.channels());
    long sum = 0;
    for (byte b : img.pixels()) {
      sum += b & 0xff;
    }
    assertEquals(33456, sum, "pixel sum of test image 0 (numpy on the same file)");
    int[] counts = new int[10];
    for (int i = 0; i < test.size(); i += 1) {
      counts[test.get(i).label()]++;
    }
    for (int c : counts) {
      assertEquals(1000, c);
    }
    assertEquals("Ankle boot", test.labelSpace().classes().get(9));
    Dataset train = Datasets.load("fashion-mnist", Split.TRAIN);
    assertEquals(60000, train.size());
    assertEquals(9, train.get(0).label());
    assertEquals(3, train.get(3).label());
  }

  @Test
  void cifar10ImageFolderCopy() {
    Path root = Shared.path("data/datasets/cifar10-test-jpeg");
    Dataset d = Datasets.load("cifar10", root);
    assertEquals(10000, d.size());
    LabelSpace s = d.labelSpace();
    assertEquals(List.of("airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"),
        s.classes());
    int[] counts = new int[10];
    for (int i = 0; i < d.size(); i++) {
      counts[((FileListDataset) d).labelOf(i)]++;
    }
    for (int c : counts) {
      assertEquals(1000, c);
    }
    // test/cat/0000.jpg is CIFAR-10 test image 0 (label 3); test/ship/0000.jpg is image 1 (label 8)
    Sample cat = find(d, "cat/0000.jpg");
    assertEquals(3, cat.label());
    assertEquals(32, cat.image().width());
    assertEquals(3, cat.image().channels());
    assertEquals(8, find(d, "ship/0000.jpg").label());
    assertEquals(0, find(d, "airplane/0000.jpg").label());
  }

  private static Sample find(Dataset d, String suffix) {
    FileListDataset f = (FileListDataset) d;
    for (int i = 0; i < f.size(); i++) {
      if (f.path(i).toString().endsWith(suffix)) {
        return f.get(i);
      }
    }
    throw new AssertionError(suffix + " not found");
  }

  @Test
  void cifar10BinaryBatchMatchesTheLosslessCsv() throws Exception {
    Path dir = Shared.path("data/datasets/cifar10-test-first100");
    Files.copy(dir.resolve("test_batch_first100.bin"), tmp.resolve("test_batch.bin"));
    assertThrows(LayoutMismatchException.class, () -> Datasets.load("cifar10", tmp));
    Dataset d = Datasets.loadPartial("cifar10", tmp);
    assertEquals(100, d.size());
    List<String> csv = Files.readAllLines(dir.resolve("cifar10_test.csv"));
    for (int i = 0; i < 100; i += 7) {
      String[] v = csv.get(i).split(",");
      Sample s = d.get(i);
      assertEquals(Integer.parseInt(v[0].trim()), s.label(), "label of test image " + i);
      byte[] px = s.image().pixels();
      for (int k = 0; k < 3072; k += 97) {
        assertEquals(Integer.parseInt(v[k + 1].trim()), px[k] & 0xff, "pixel " + k + " of image " + i);
      }
    }
    assertEquals(158, d.get(0).image().get(0, 0, 0));
    assertEquals(112, d.get(0).image().get(0, 0, 1));
    assertEquals(49, d.get(0).image().get(0, 0, 2));
  }

  @Test
  void tinyImagenetValidationFromAnnotations() throws Exception {
    Path root = Shared.path("data/datasets/tiny-imagenet-200");
    assertThrows(LayoutMismatchException.class, () -> Datasets.load("tiny-imagenet", root),
        "the shared subset has 1,000 of the 10,000 validation images");
    Dataset d = Datasets.loadPartial("tiny-imagenet", root);
    assertEquals(1000, d.size());
    LabelSpace s = d.labelSpace();
    assertEquals(200, s.size());
    List<String> wnids = Files.readAllLines(root.resolve("wnids.txt")).stream().map(String::trim).sorted().toList();
    assertEquals(wnids, s.classes());
    List<String> ann = Files.readAllLines(root.resolve("val/val_annotations.txt"));
    for (int i = 0; i < ann.size(); i += 37) {
      String[] t = ann.get(i).split("\t");
      Sample smp = d.get(i);
      assertTrue(smp.meta().get("path").endsWith(t[0]));
      assertEquals(wnids.indexOf(t[1]), smp.label());
      assertEquals(64, smp.image().height());
      assertEquals(3, smp.image().channels(), "greyscale files are replicated to RGB");
    }
    int[] counts = new int[200];
    for (int i = 0; i < d.size(); i++) {
      counts[((FileListDataset) d).labelOf(i)]++;
    }
    for (int c : counts) {
      assertEquals(5, c);
    }
  }

  @Test
  void imagenetSamplePhotosGetTheirImagenetIndex() throws Exception {
    Path dir = Shared.path("data/datasets/imagenet-sample-images");
    Shared.path("data/class-lists/imagenet1k_wnids.txt");
    Dataset d = Datasets.imagenetFolder(dir);
    assertEquals(122, d.size());
    List<String> wnids = Files.readAllLines(Shared.path("data/class-lists/imagenet1k_wnids.txt"));
    int multiplesOf10 = 0;
    for (int i = 0; i < d.size(); i++) {
      Sample s = d.get(i);
      String name = Path.of(s.meta().get("path")).getFileName().toString();
      assertEquals(wnids.indexOf(name.substring(0, 9)), s.label(), name);
      assertEquals(s.label(), Integer.parseInt(s.meta().get("imagenet_index")));
      assertEquals(3, s.image().channels());
      multiplesOf10 += s.label() % 10 == 0 ? 1 : 0;
    }
    assertTrue(multiplesOf10 >= 100, "the 100 classes whose index is a multiple of 10 are all there");
    assertEquals(0, d.get(0).label(), "n01440764 (tench) is class 0");
  }
}
