package dev.robusta.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.robusta.data.Dataset;
import dev.robusta.data.LabelPolicy;
import dev.robusta.data.LabelSpace;
import dev.robusta.data.Sample;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The pieces behind the ImageNet side of {@code eval}, on synthetic input: top-k with ties, the
 * {@code --label-policy} spellings, and the 200-class masking of 1000 logits.
 */
class ImageNetEvalPartsTest {

  @Test
  void topKCountsTiesByTheLowerIndexAndIsUndefinedWhenTrivial() {
    double[][] logits = {{0.1, 0.9, 0.5, 0.2}, {1, 1, 1, 1}, {0.4, 0.3, 0.2, 0.1}};
    // row 0: label 2 ranks 2nd; row 1: all tied, label 3 ranks 4th (lower index wins ties); row 2: label 3 ranks 4th
    int[] labels = {2, 3, 3};
    assertEquals(0.0, TopK.accuracy(logits, labels, 1));
    assertEquals(1.0 / 3, TopK.accuracy(logits, labels, 2), 1e-12);
    assertEquals(1.0 / 3, TopK.accuracy(logits, labels, 3), 1e-12);
    assertTrue(Double.isNaN(TopK.accuracy(logits, labels, 4)), "k >= classes is trivial");
    int[] first = {1, 0, 0};
    assertEquals(1.0, TopK.accuracy(logits, first, 1));
  }

  @Test
  void labelPoliciesParseTheirSpellingsAndRejectOthersWithTheList() {
    assertEquals(LabelPolicy.MASK_TO_SUBSET, LabelPolicies.parse("mask-to-subset"));
    assertEquals(LabelPolicy.FULL_1000, LabelPolicies.parse("FULL_1000"));
    assertEquals(LabelPolicy.MAP_ANY_OF, LabelPolicies.parse(" map-any-of "));
    UsageException e = assertThrows(UsageException.class, () -> LabelPolicies.parse("subset"));
    assertTrue(e.getMessage().contains("'subset'"), e.getMessage());
    assertTrue(e.hint().contains("mask-to-subset, full-1000, map-any-of"), e.hint());
  }

  /** A label space of three ImageNet classes (indices 7, 3, 900) over a fake 1000-class list. */
  static Dataset threeClassSet() {
    List<String> wnids = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      wnids.add(String.format("n%08d", i));
    }
    LabelSpace in1k = LabelSpace.imagenet1k(wnids);
    LabelSpace sub = LabelSpace.imagenetSubset("three", List.of(wnids.get(7), wnids.get(3), wnids.get(900)), in1k,
        LabelPolicy.MASK_TO_SUBSET);
    return new Dataset() {
      @Override public String id() { return "three"; }
      @Override public int size() { return 1; }
      @Override public LabelSpace labelSpace() { return sub; }
      @Override public Sample get(int i) { throw new UnsupportedOperationException(); }
    };
  }

  @Test
  void maskingCutsTheLogitsToTheSubsetInLabelOrder() {
    Dataset d = threeClassSet();
    int[] cols = SubsetLogits.columns(d, 1000, null);
    assertArrayEquals(new int[] {7, 3, 900}, cols);
    float[] row = new float[1000];
    row[500] = 9; // the unmasked argmax, outside the subset
    row[900] = 2;
    row[3] = 1;
    LogitsSource base = (ds, cell) -> new LogitsSource.Logits(new float[][] {row}, new int[] {2});
    LogitsSource.Logits cut = SubsetLogits.wrap(base, cols).logits(d, "clean");
    assertArrayEquals(new float[] {0, 1, 2}, cut.logits()[0]);
    assertArrayEquals(new int[] {2}, cut.labels());
    assertNull(SubsetLogits.columns(d, 3, null), "a 3-output model is scored as it is");
    assertTrue(SubsetLogits.wrap(base, null) == base);
  }

  @Test
  void masking1000LogitsIsTheOnlyWayAcrossSizes() {
    Dataset d = threeClassSet();
    UsageException full = assertThrows(UsageException.class, () -> SubsetLogits.columns(d, 1000, LabelPolicy.FULL_1000));
    assertTrue(full.getMessage().contains("outputs 1000 logits but three has 3 classes"), full.getMessage());
    assertTrue(full.hint().contains("mask-to-subset"), full.hint());
    UsageException ten = assertThrows(UsageException.class, () -> SubsetLogits.columns(d, 10, null));
    assertTrue(ten.getMessage().contains("outputs 10 logits"), ten.getMessage());
    Dataset own = new Dataset() {
      @Override public String id() { return "own"; }
      @Override public int size() { return 1; }
      @Override public LabelSpace labelSpace() { return LabelSpace.of("own", List.of("a", "b")); }
      @Override public Sample get(int i) { throw new UnsupportedOperationException(); }
    };
    UsageException policy = assertThrows(UsageException.class,
        () -> SubsetLogits.columns(own, 2, LabelPolicy.MASK_TO_SUBSET));
    assertTrue(policy.getMessage().contains("needs a dataset whose classes map to ImageNet-1k"), policy.getMessage());
    assertNull(SubsetLogits.columns(own, 2, null));
  }
}
