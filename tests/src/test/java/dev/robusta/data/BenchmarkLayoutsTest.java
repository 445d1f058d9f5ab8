package dev.robusta.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.robusta.Datasets;
import dev.robusta.testing.Shared;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Small trees with the real layouts of ImageNet-A/O/R/C/V2/Sketch, CIFAR-10-C and Tiny-ImageNet-C. */
@Timeout(120)
class BenchmarkLayoutsTest {
  @TempDir Path tmp;
  static List<String> in1k;

  @BeforeAll
  static void classLists() throws Exception {
    Path dir = Shared.path("data/class-lists");
    Datasets.useClassLists(dir);
    in1k = Files.readAllLines(dir.resolve("imagenet1k_wnids.txt"));
  }

  static List<String> lines(String file) throws Exception {
    return Files.readAllLines(Shared.path("data/class-lists/" + file)).stream().map(String::trim)
        .filter(s -> !s.isEmpty()).toList();
  }

  static int[] ints(String file) throws Exception {
    return lines(file).stream().flatMap(l -> Arrays.stream(l.split("[\\s,]+"))).filter(s -> !s.isEmpty())
        .mapToInt(Integer::parseInt).toArray();
  }

  @Test
  void subsetsMapToTheirImagenetIndices() throws Exception {
    String[][] sets = {{"imagenet-a", "imagenet_a_wnids.txt", "imagenet_a_indices.txt"},
        {"imagenet-r", "imagenet_r_wnids.txt", "imagenet_r_indices.txt"},
        {"imagenet-o", "imagenet_o_wnids.txt", "imagenet_o_indices.txt"}};
    for (String[] s : sets) {
      List<String> wnids = lines(s[1]);
      int[] idx = ints(s[2]);
      assertEquals(200, wnids.size());
      assertEquals(200, idx.length);
      Path root = tmp.resolve(s[0]);
      Files.createDirectories(root);
      Files.writeString(root.resolve("README.txt"), "not a class folder");
      Fixtures.classTree(root.resolve(s[0]), wnids, 200, 1, ".jpg");
      Dataset d = Datasets.loadPartial(s[0], root);
      assertEquals(200, d.size());
      LabelSpace space = d.labelSpace();
      assertEquals(LabelPolicy.MASK_TO_SUBSET, space.policy());
      for (int label = 0; label < 200; label++) {
        assertEquals(idx[label], space.toImagenet(label), s[0] + " label " + label);
        assertEquals(in1k.indexOf(wnids.get(label)), space.toImagenet(label));
      }
      for (int i = 0; i < 200; i += 23) {
        Sample smp = d.get(i);
        assertEquals(wnids.indexOf(smp.meta().get("class")), smp.label());
        assertEquals(idx[smp.label()], Integer.parseInt(smp.meta().get("imagenet_index")));
      }
      assertThrows(LayoutMismatchException.class, () -> Datasets.load(s[0], root), "7,500 images expected");
      assertTrue(d.toString().contains("MASK_TO_SUBSET"), d.toString());
    }
  }

  @Test
  void imagenetAStubModelsUnderMasking() throws Exception {
    List<String> wnids = lines("imagenet_a_wnids.txt");
    Path root = tmp.resolve("imagenet-a");
    Fixtures.classTree(root, wnids, 200, 1, ".jpg");
    Dataset d = Datasets.loadPartial("imagenet-a", root);
    LabelSpace space = d.labelSpace();
    int right = 0;
    int rightOutside = 0;
    int rightFull = 0;
    int outside = 0;
    for (int i = 0; i < 200; i++) {
      int label = ((FileListDataset) d).labelOf(i);
      int truth = space.toImagenet(label);
      float[] oracle = new float[1000];
      oracle[truth] = 1f;
      right += space.predict(oracle, LabelPolicy.MASK_TO_SUBSET) == label ? 1 : 0;
      // a model whose top logit is a class outside the 200, true class second
      float[] distracted = new float[1000];
      int other = 0;
      while (space.indexOfImagenet(other) >= 0) {
        other++;
      }
      outside += space.indexOfImagenet(other) < 0 ? 1 : 0;
      distracted[other] = 9f;
      distracted[truth] = 5f;
      rightOutside += space.predict(distracted, LabelPolicy.MASK_TO_SUBSET) == label ? 1 : 0;
      rightFull += space.predict(distracted, LabelPolicy.FULL_1000) == label ? 1 : 0;
    }
    assertEquals(200, outside);
    assertEquals(1.0, right / 200.0, 0.0, "all mass on the true 1k index scores 1.0 under masking");
    assertEquals(1.0, rightOutside / 200.0, 0.0, "top logit outside the 200 is still right under MASK_TO_SUBSET");
    assertEquals(0, rightFull, "... and wrong under FULL_1000");
  }

  @Test
  void objectNetStyleAnyOfMapping() {
    LabelSpace s = LabelSpace.mappedAnyOf("objectnet-demo", List.of("chair", "bottle"), new int[][] {{423, 559, 765}, {440, 720, 737}});
    float[] l = new float[1000];
    l[765] = 3f;
    assertEquals(0, s.predict(l, LabelPolicy.MAP_ANY_OF));
    l[5] = 7f;
    assertEquals(-1, s.predict(l, LabelPolicy.MAP_ANY_OF), "top-1 outside every class's set is wrong");
    assertEquals(0, s.predict(l, LabelPolicy.MASK_TO_SUBSET));
    assertThrows(IllegalArgumentException.class, () -> s.predict(new float[10], LabelPolicy.MAP_ANY_OF));
  }

  @Test
  void imagenetV2LabelIsTheFolderInteger() throws Exception {
    Path root = tmp.resolve("imagenetv2-matched-frequency-format-val");
    int[] folders = {0, 1, 2, 10, 100, 999};
    for (int f : folders) {
      Fixtures.jpeg(root.resolve(Integer.toString(f)).resolve("7e3a.jpeg"), 8, 8, f % 256);
    }
    Dataset d = Datasets.loadPartial("imagenet-v2-matched-frequency", tmp);
    assertEquals(6, d.size());
    for (int i = 0; i < d.size(); i++) {
      Sample s = d.get(i);
      String folder = Path.of(s.meta().get("path")).getParent().getFileName().toString();
      assertEquals(Integer.parseInt(folder), s.label(), "label = folder integer, not sort position");
      assertEquals(in1k.get(s.label()), s.meta().get("class"));
    }
    Files.createDirectories(root.resolve("n01440764"));
    assertThrows(LayoutMismatchException.class, () -> Datasets.loadPartial("imagenet-v2-matched-frequency", tmp));
  }

  @Test
  void imagenetCCellsAndSketch() throws Exception {
    Path root = tmp.resolve("imagenet-c");
    Fixtures.classTree(root.resolve("fog/3"), in1k, 3, 2, ".JPEG");
    Dataset fog = Datasets.loadPartial("imagenet-c/fog/3", root);
    assertEquals(6, fog.size());
    assertEquals("imagenet-c/fog/3", fog.id());
    Sample s = fog.get(5);
    assertEquals(2, s.label());
    assertEquals("fog", s.meta().get("corruption"));
    assertEquals("3", s.meta().get("severity"));
    assertThrows(LayoutMismatchException.class, () -> Datasets.imagenetC("fog", 3, root), "50,000 expected");
    DatasetException bad = assertThrows(DatasetException.class, () -> Datasets.imagenetC("foggy", 3, root));
    assertTrue(bad.getMessage().contains("foggy"));
    assertThrows(DatasetException.class, () -> Datasets.imagenetC("fog", 6, root));
    // ImageNet-C cells must hold all 1000 class folders
    Fixtures.classTree(root.resolve("snow/1"), in1k.subList(0, 200), 1, 1, ".JPEG");
    LayoutMismatchException e = assertThrows(LayoutMismatchException.class,
        () -> Datasets.loadPartial("imagenet-c/snow/1", root));
    assertTrue(e.getMessage().contains("200") && e.getMessage().contains("1000"), e.getMessage());

    Path sketch = tmp.resolve("sk");
    Fixtures.classTree(sketch.resolve("sketch"), in1k, 4, 1, ".JPEG");
    Dataset sk = Datasets.loadPartial("imagenet-sketch", sketch);
    assertEquals(4, sk.size());
    assertEquals(3, sk.get(3).label());
    assertEquals(LabelPolicy.FULL_1000, sk.labelSpace().policy());
  }

  @Test
  void tinyImagenetCWithFrostHolding1000ClassesFails() throws Exception {
    List<String> tiny = new ArrayList<>(Files.readAllLines(Shared.path("data/datasets/tiny-imagenet-200/wnids.txt")));
    Path root = tmp.resolve("Tiny-ImageNet-C");
    Fixtures.classTree(root.resolve("fog/2"), tiny, 2, 1, ".JPEG");
    Dataset fog = Datasets.loadPartial("tiny-imagenet-c/fog/2", tmp);
    assertEquals(2, fog.size());
    assertEquals(200, fog.labelSpace().size());
    assertEquals(tiny.stream().sorted().toList().indexOf(tiny.get(1)), fog.get(1).label());
    Fixtures.classTree(root.resolve("frost/1"), in1k, 0, 0, ".JPEG");
    LayoutMismatchException e = assertThrows(LayoutMismatchException.class,
        () -> Datasets.tinyImagenetC("frost", 1, tmp));
    assertTrue(e.getMessage().contains("frost") && e.getMessage().contains("1000") && e.getMessage().contains("200"),
        e.getMessage());
  }

  @Test
  void cifar10CSeverityBlocksAndSharedLabels() throws Exception {
    Path dir = tmp.resolve("CIFAR-10-C");
    Files.createDirectories(dir);
    long off = Fixtures.npy(dir.resolve("gaussian_noise.npy"), 50000, 32, 32, 3);
    long loff = Fixtures.npy(dir.resolve("labels.npy"), 50000);
    byte[] labels = new byte[50000];
    for (int i = 0; i < 50000; i++) {
      labels[i] = (byte) ((i % 10000) % 10);
    }
    Fixtures.writeAt(dir.resolve("labels.npy"), loff, labels);
    // mark row s*10000 + 7 of each severity block with value s*40 + 7
    for (int sev = 1; sev <= 5; sev++) {
      byte[] row = new byte[3072];
      Arrays.fill(row, (byte) (sev * 40 + 7));
      Fixtures.writeAt(dir.resolve("gaussian_noise.npy"), off + ((sev - 1) * 10000L + 7) * 3072, row);
    }
    for (int sev = 1; sev <= 5; sev++) {
      Dataset d = Datasets.cifar10C("gaussian_noise", sev, tmp);
      assertEquals(10000, d.size());
      Sample s = d.get(7);
      assertEquals(sev * 40 + 7, s.image().get(31, 31, 2), "row 7 of severity " + sev);
      assertEquals(0, d.get(8).image().get(0, 0, 0));
      assertEquals(7, s.label());
      assertEquals(Integer.toString(sev), s.meta().get("severity"));
    }
    assertThrows(DatasetException.class, () -> Datasets.cifar10C("fog", 1, tmp), "fog.npy is missing");
    Fixtures.npy(dir.resolve("snow.npy"), 40000, 32, 32, 3);
    LayoutMismatchException e = assertThrows(LayoutMismatchException.class, () -> Datasets.cifar10C("snow", 1, tmp));
    assertTrue(e.getMessage().contains("40000"), e.getMessage());
  }
}
