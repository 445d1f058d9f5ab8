package dev.robusta.metrics;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * AlexNet's ImageNet-C top-1 errors, the normaliser of CE and mCE, read from the resource
 * {@code dev/robusta/metrics/alexnet_imagenet_c.csv} (its header states the provenance: the table in
 * {@code hendrycks/robustness} README, PR #20; the averages equal {@code google-research/augmix ·
 * imagenet.py::ALEXNET_ERR}). Values are keyed by corruption name, never by list position.
 */
public final class AlexNetImageNetC {
  /**
   * AlexNet's clean top-1 error used for relative mCE: 0.43478 (torchvision AlexNet, 56.522% top-1, the
   * model the ImageNet-C author used; the paper prints 43.5, robustness_metrics uses 0.4348). The author's
   * exact value is not in any reference code, so relative mCE takes it as a parameter.
   */
  public static final double DEFAULT_CLEAN_ERROR = 0.43478;

  private static final Map<String, double[]> ERRORS = load();

  private AlexNetImageNetC() {}

  /**
   * @param corruption e.g. {@code "gaussian_noise"}
   * @return AlexNet's errors at severities 1..5 (a copy)
   * @throws IllegalArgumentException for a name without a published AlexNet error (the message lists them)
   */
  public static double[] errors(String corruption) {
    double[] e = ERRORS.get(corruption);
    if (e == null) {
      throw new IllegalArgumentException("no AlexNet ImageNet-C error for corruption '" + corruption
          + "'; known: " + ERRORS.keySet());
    }
    return e.clone();
  }

  /** @return the corruption names that have AlexNet errors (19) */
  public static Set<String> corruptions() {
    return Collections.unmodifiableSet(ERRORS.keySet());
  }

  private static Map<String, double[]> load() {
    Map<String, double[]> m = new LinkedHashMap<>();
    try (InputStream in = AlexNetImageNetC.class.getResourceAsStream("alexnet_imagenet_c.csv")) {
      if (in == null) throw new IllegalStateException("resource dev/robusta/metrics/alexnet_imagenet_c.csv is missing from the jar");
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      boolean header = true;
      while ((line = r.readLine()) != null) {
        if (line.startsWith("#") || line.isBlank()) continue;
        if (header) {
          header = false;
          continue;
        }
        String[] f = line.split(",");
        double[] e = new double[5];
        double sum = 0;
        for (int s = 0; s < 5; s++) {
          e[s] = Double.parseDouble(f[2 + s]);
          sum += e[s];
        }
        double avg = Double.parseDouble(f[7]);
        if (Math.abs(sum / 5 - avg) > 1e-9) {
          throw new IllegalStateException("alexnet_imagenet_c.csv: the average of " + f[0] + " does not match its severities");
        }
        m.put(f[0], e);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Collections.unmodifiableMap(m);
  }
}
