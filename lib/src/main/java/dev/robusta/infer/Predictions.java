package dev.robusta.infer;

import java.util.Objects;

/**
 * The logits of one model on one dataset cell, with everything needed to interpret them: which model
 * (file checksum), which data (dataset id, cell), which preprocessing. Produced by {@link Pipeline} or
 * read back from a {@link LogitsCache} entry without the model.
 *
 * @param model the model's name, SHA-256, engine, device, precision and outputs
 * @param dataset the dataset id
 * @param cell the cell within the dataset (e.g. {@code gaussian_noise/3}), or {@code "-"} for the whole set
 * @param preprocessing the preset, as {@link Preset#toString()} prints it
 * @param logits {@code [N, C]} raw logits (no softmax), model class order
 * @param labels {@code [N]} labels in the dataset's label space, {@code -1} for unlabelled samples
 * @param features {@code [N, D]} penultimate features, or null when not requested
 * @param source where the values came from
 */
public record Predictions(ModelInfo model, String dataset, String cell, String preprocessing, float[][] logits,
    int[] labels, float[][] features, Source source) {

  /** Where a {@link Predictions} came from. */
  public enum Source {
    /** computed by running the model in this call */
    COMPUTED,
    /** partly read from checkpoints of an interrupted run, the rest computed in this call */
    RESUMED,
    /** read from the logits cache; the model did not run */
    CACHE
  }

  public Predictions {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(logits, "logits");
    Objects.requireNonNull(labels, "labels");
    if (labels.length != logits.length) {
      throw new IllegalArgumentException(logits.length + " logit rows but " + labels.length + " labels");
    }
  }

  /** @return N, the number of images */
  public int size() { return logits.length; }

  /** @return C, the number of classes (0 for an empty set) */
  public int numClasses() { return logits.length == 0 ? 0 : logits[0].length; }

  /** @return the argmax class of each row (first maximum on ties) */
  public int[] predicted() {
    int[] p = new int[logits.length];
    for (int i = 0; i < p.length; i++) {
      float[] r = logits[i];
      int best = 0;
      for (int c = 1; c < r.length; c++) {
        if (r[c] > r[best]) {
          best = c;
        }
      }
      p[i] = best;
    }
    return p;
  }

  /** @return how many samples carry a label (label >= 0) */
  public int labelled() {
    int n = 0;
    for (int l : labels) {
      n += l >= 0 ? 1 : 0;
    }
    return n;
  }

  /**
   * @return top-1 accuracy in 0..1 over the labelled samples (argmax in the model's label space equals
   *     the label), NaN when none is labelled
   */
  public double top1() {
    int[] p = predicted();
    int n = 0;
    int ok = 0;
    for (int i = 0; i < p.length; i++) {
      if (labels[i] >= 0) {
        n++;
        ok += p[i] == labels[i] ? 1 : 0;
      }
    }
    return n == 0 ? Double.NaN : (double) ok / n;
  }

  @Override
  public String toString() {
    double t = top1();
    return "Predictions[" + model + " on " + dataset + " cell " + cell + ", preprocessing " + preprocessing
        + ", logits [" + size() + ", " + numClasses() + "]" + (features == null ? ""
            : ", features [" + features.length + ", " + (features.length == 0 ? 0 : features[0].length) + "]")
        + (Double.isNaN(t) ? "" : String.format(java.util.Locale.ROOT, ", top-1 %.2f%% of %d labelled", 100 * t,
            labelled()))
        + ", " + source.name().toLowerCase(java.util.Locale.ROOT) + "]";
  }
}
