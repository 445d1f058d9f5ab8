package dev.robusta.report;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Citations of the datasets and result sources Robusta knows, keyed by dataset id (as in
 * {@code datasets.yaml}). Lookup is by the longest registered id that the given name starts with, after
 * lower-casing, so {@code imagenet-c.fog.3} and {@code imagenet-a} find their papers.
 */
public final class Citations {
  private static final Map<String, String> BY_ID = new LinkedHashMap<>();

  static {
    String hendrycksC = "Hendrycks, D. and Dietterich, T. Benchmarking Neural Network Robustness to Common"
        + " Corruptions and Perturbations. ICLR 2019.";
    String adversarial = "Hendrycks, D., Zhao, K., Basart, S., Steinhardt, J. and Song, D. Natural Adversarial"
        + " Examples. CVPR 2021.";
    BY_ID.put("imagenet", "Russakovsky, O. et al. ImageNet Large Scale Visual Recognition Challenge. IJCV 2015.");
    BY_ID.put("val", BY_ID.get("imagenet"));
    BY_ID.put("imagenet-c", hendrycksC);
    BY_ID.put("imagenet-p", hendrycksC);
    BY_ID.put("cifar-10-c", hendrycksC);
    BY_ID.put("cifar10-c", hendrycksC);
    BY_ID.put("cifar-100-c", hendrycksC);
    BY_ID.put("tiny-imagenet-c", hendrycksC);
    BY_ID.put("imagenet-a", adversarial);
    BY_ID.put("imagenet-o", adversarial);
    BY_ID.put("imagenet-r", "Hendrycks, D. et al. The Many Faces of Robustness: A Critical Analysis of"
        + " Out-of-Distribution Generalization. ICCV 2021.");
    BY_ID.put("imagenet-sketch", "Wang, H., Ge, S., Lipton, Z. and Xing, E. P. Learning Robust Global"
        + " Representations by Penalizing Local Predictive Power. NeurIPS 2019.");
    BY_ID.put("sketch", BY_ID.get("imagenet-sketch"));
    BY_ID.put("imagenetv2", "Recht, B., Roelofs, R., Schmidt, L. and Shankar, V. Do ImageNet Classifiers"
        + " Generalize to ImageNet? ICML 2019.");
    BY_ID.put("imagenet-v2", BY_ID.get("imagenetv2"));
    BY_ID.put("objectnet", "Barbu, A. et al. ObjectNet: A large-scale bias-controlled dataset for pushing the"
        + " limits of object recognition models. NeurIPS 2019.");
    BY_ID.put("imagenet-real", "Beyer, L. et al. Are we done with ImageNet? arXiv:2006.07159, 2020.");
    BY_ID.put("cifar-10", "Krizhevsky, A. Learning Multiple Layers of Features from Tiny Images. Tech. report,"
        + " University of Toronto, 2009.");
    BY_ID.put("cifar10", BY_ID.get("cifar-10"));
    BY_ID.put("fashion-mnist", "Xiao, H., Rasul, K. and Vollgraf, R. Fashion-MNIST: a Novel Image Dataset for"
        + " Benchmarking Machine Learning Algorithms. arXiv:1708.07747, 2017.");
    BY_ID.put("svhn", "Netzer, Y. et al. Reading Digits in Natural Images with Unsupervised Feature Learning."
        + " NIPS Workshop 2011.");
    BY_ID.put("dtd", "Cimpoi, M. et al. Describing Textures in the Wild. CVPR 2014.");
    BY_ID.put("textures", BY_ID.get("dtd"));
    BY_ID.put("places365", "Zhou, B. et al. Places: A 10 Million Image Database for Scene Recognition."
        + " TPAMI 2017.");
    BY_ID.put("inaturalist", "Van Horn, G. et al. The iNaturalist Species Classification and Detection Dataset."
        + " CVPR 2018.");
    BY_ID.put("imagenet-testbed", "Taori, R. et al. Measuring Robustness to Natural Distribution Shifts in Image"
        + " Classification. NeurIPS 2020.");
    BY_ID.put("ytbb-robust", "Shankar, V. et al. Do Image Classifiers Generalize Across Time? ICCV 2021.");
    BY_ID.put("imagenet-vid-robust", BY_ID.get("ytbb-robust"));
  }

  private Citations() {}

  /**
   * @param datasetId a dataset id or evaluation-setting name, e.g. {@code imagenet-a},
   *     {@code imagenetv2-matched-frequency}
   * @return the citation, or empty when none is registered
   */
  public static Optional<String> of(String datasetId) {
    String id = datasetId.toLowerCase(Locale.ROOT).trim();
    String best = null;
    for (String k : BY_ID.keySet()) {
      boolean match = id.equals(k) || id.startsWith(k + "-") || id.startsWith(k + ".") || id.startsWith(k + "_")
          || id.startsWith(k + " ");
      if (match && (best == null || k.length() > best.length())) {
        best = k;
      }
    }
    return Optional.ofNullable(best == null ? null : BY_ID.get(best));
  }
}
