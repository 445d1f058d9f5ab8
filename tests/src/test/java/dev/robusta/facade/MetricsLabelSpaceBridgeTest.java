package dev.robusta.facade;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.robusta.Metrics;
import dev.robusta.data.LabelPolicy;
import dev.robusta.data.LabelSpace;
import dev.robusta.testing.Shared;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A dataset's label space (data) scored by the metrics under each policy, on the real ImageNet-A class list. */
class MetricsLabelSpaceBridgeTest {

  private static LabelSpace imagenetA() throws Exception {
    List<String> all = Files.readAllLines(Shared.path("data/class-lists/imagenet1k_wnids.txt"));
    List<String> a = Files.readAllLines(Shared.path("data/class-lists/imagenet_a_wnids.txt"));
    return LabelSpace.imagenetSubset("imagenet-a", a, LabelSpace.imagenet1k(all), LabelPolicy.MASK_TO_SUBSET);
  }

  @Test
  void maskingIgnoresTopLogitsOutsideTheSubsetButFull1000DoesNot() throws Exception {
    LabelSpace a = imagenetA();
    int n = a.size();
    assertEquals(200, n);
    float[][] logits = new float[n][1000];
    int[] labels = new int[n];
    for (int j = 0; j < n; j++) {
      labels[j] = j;
      logits[j][a.toImagenet(j)] = 5f;
      if (j % 2 == 0) {
        // a class outside the 200 wins the plain argmax for every other image
        int outside = 0;
        while (a.indexOfImagenet(outside) >= 0) outside++;
        logits[j][outside] = 9f;
      }
    }
    assertEquals(1.0, Metrics.accuracy(logits, labels, Metrics.labelSpace(a, LabelPolicy.MASK_TO_SUBSET)).top1(), 1e-12);
    assertEquals(0.5, Metrics.accuracy(logits, labels, Metrics.labelSpace(a, LabelPolicy.FULL_1000)).top1(), 1e-12);
    assertEquals(1.0, Metrics.accuracy(logits, labels, Metrics.labelSpace(a, LabelPolicy.MAP_ANY_OF)).top1(), 1e-12);
  }
}
