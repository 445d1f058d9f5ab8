package dev.robusta.cli;

import dev.robusta.data.Dataset;
import dev.robusta.data.LabelPolicy;
import dev.robusta.data.LabelSpace;

/**
 * The 200-class masking of ImageNet-A/-R/-O for a 1000-way ImageNet classifier
 * ({@link LabelPolicy#MASK_TO_SUBSET}; Hendrycks et al., natural-adv-examples and imagenet-r {@code eval.py}):
 * each row of {@code [N, 1000]} logits is cut to the dataset's classes, in label order, giving {@code [N, K]}.
 * An argmax, a softmax (MSP, calibration) or an OOD score over the cut row is the masked one, and label
 * {@code j} is the position of the dataset's class {@code j}; every downstream table then reads in the
 * dataset's K-class space.
 */
final class SubsetLogits implements LogitsSource {
  private final LogitsSource base;
  private final int[] columns;

  private SubsetLogits(LogitsSource base, int[] columns) {
    this.base = base;
    this.columns = columns;
  }

  /**
   * How a model's outputs meet a dataset's label space.
   *
   * @param space the dataset's label space
   * @param outputs how many logits the model gives
   * @param policy {@code --label-policy}, or null for the dataset's own policy
   * @return the ImageNet-1k columns to keep, in label order, or null when the logits are used as they are
   * @throws UsageException when the sizes do not fit, or the policy cannot be scored here
   */
  static int[] columns(Dataset test, int outputs, LabelPolicy policy) {
    LabelSpace space = test.labelSpace();
    LabelPolicy p = policy != null ? policy : space.policy();
    if (policy != null && !space.mapsToImagenet()) {
      throw new UsageException("--label-policy " + LabelPolicies.spelling(policy) + " needs a dataset whose"
          + " classes map to ImageNet-1k; " + test.id() + " has its own " + space.size() + " classes",
          "leave --label-policy out for " + test.id());
    }
    if (outputs == space.size()) {
      return null;
    }
    if (outputs == 1000 && space.mapsToImagenet() && p == LabelPolicy.MASK_TO_SUBSET) {
      int[] cols = new int[space.size()];
      for (int j = 0; j < cols.length; j++) {
        int[] all = space.imagenetAll(j);
        if (all.length != 1) {
          throw new UsageException(test.id() + " maps class " + space.classes().get(j) + " to " + all.length
              + " ImageNet classes", "--label-policy map-any-of is not supported by eval yet");
        }
        cols[j] = all[0];
      }
      return cols;
    }
    String why = space.mapsToImagenet() && outputs == 1000
        ? " under label policy " + p + " (eval scores a subset of ImageNet-1k by masking only)"
        : "";
    throw new UsageException("the model outputs " + outputs + " logits but " + test.id() + " has " + space.size()
        + " classes (" + space.name() + ")" + why, space.mapsToImagenet() && outputs == 1000
        ? "--label-policy mask-to-subset (argmax over the dataset's classes, the ImageNet-A/R/O protocol)"
        : "evaluate it on a dataset with its own label space, or pick the model trained on " + test.id());
  }

  /** @return the label-space line printed with the results */
  static String describe(Dataset test, int classes) {
    return "MASK_TO_SUBSET: the model's 1000 logits are restricted to the " + classes + " classes of " + test.id()
        + " (label = position in its class list) before every argmax, softmax, calibration and OOD score"
        + " (Hendrycks et al., natural-adv-examples / imagenet-r eval.py)";
  }

  /** @return {@code base} with every row cut to {@code columns}, or {@code base} when columns is null */
  static LogitsSource wrap(LogitsSource base, int[] columns) {
    return columns == null ? base : new SubsetLogits(base, columns);
  }

  /** @return the label-space column of the accuracy table, e.g. {@code SUBSET_200 (masked from 1000 logits)} */
  String labelSpace() {
    return "SUBSET_" + columns.length + " (masked from 1000 logits)";
  }

  @Override
  public Logits logits(Dataset dataset, String cell) {
    Logits l = base.logits(dataset, cell);
    float[][] cut = new float[l.logits().length][];
    for (int i = 0; i < cut.length; i++) {
      float[] row = l.logits()[i];
      if (row.length != 1000) {
        throw new UsageException("the model outputs " + row.length + " logits on " + dataset.id()
            + ", expected 1000 ImageNet logits", "pick an ImageNet-1k classifier");
      }
      float[] r = new float[columns.length];
      for (int j = 0; j < columns.length; j++) {
        r[j] = row[columns[j]];
      }
      cut[i] = r;
    }
    return new Logits(cut, l.labels());
  }

  @Override
  public boolean ownProgress() {
    return base.ownProgress();
  }
}
