package dev.robusta.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.robusta.testing.Shared;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Effective robustness on the real imagenet-testbed table and timm CSVs (read from ../shared by path). */
@Timeout(60)
class EffectiveRobustnessTest {
  /** Standard ImageNet-1k-only models (Taori et al.'s baseline kind), by testbed name. */
  static final List<String> BASELINES = List.of("alexnet", "vgg11", "vgg13", "vgg16", "vgg19", "vgg11_bn", "vgg13_bn",
      "vgg16_bn", "vgg19_bn", "resnet18", "resnet34", "resnet50", "resnet101", "resnet152", "densenet121", "densenet161",
      "densenet169", "densenet201", "squeezenet1_0", "squeezenet1_1", "mobilenet_v2", "shufflenet_v2_x1_0",
      "shufflenet_v2_x0_5", "googlenet/inceptionv1", "inceptionv3", "inceptionv4", "mnasnet1_0", "mnasnet0_5",
      "resnext50_32x4d", "resnext101_32x8d", "wide_resnet50_2", "wide_resnet101_2", "efficientnet-b0", "efficientnet-b1",
      "efficientnet-b2", "efficientnet-b3", "efficientnet-b4", "efficientnet-b5", "nasnetalarge", "pnasnet5large",
      "senet154", "se_resnet50", "se_resnet101", "se_resnet152", "dpn68", "dpn92", "xception", "inceptionresnetv2");
  static final String V2 = "imagenetv2-matched-frequency-format-val";

  static AccuracyTable testbed;

  @BeforeAll
  static void load() {
    testbed = ResultTables.readTestbed(Shared.path("data/results/imagenet-testbed/robustness_top1s.csv"));
  }

  @Test
  void readsTheTestbedTableWithItsGaps() {
    assertEquals(338, testbed.models().size());
    assertTrue(testbed.settings().contains("val") && testbed.settings().contains("imagenet-r"));
    assertTrue(testbed.accuracy("efficientnet-l2-noisystudent", "imagenet-c.brightness.1_in-memory").isEmpty(),
        "empty cells stay absent, not 0");
    assertEquals(76.1300048828125, testbed.accuracy("resnet50", "val").getAsDouble(), 0.0);
  }

  @Test
  void baselineLineOnImageNetV2MatchesAnIndependentRegression() {
    RobustnessFit fit = EffectiveRobustness.fit(testbed, "val", V2, BASELINES, AccuracyTransform.LOGIT);
    assertEquals(BASELINES.size(), fit.baselineModels().size());
    SimpleRegression reg = new SimpleRegression();
    for (String m : BASELINES) {
      reg.addData(AccuracyTransform.LOGIT.apply(testbed.accuracy(m, "val").getAsDouble()),
          AccuracyTransform.LOGIT.apply(testbed.accuracy(m, V2).getAsDouble()));
    }
    assertEquals(reg.getSlope(), fit.slope(), 1e-12);
    assertEquals(reg.getIntercept(), fit.intercept(), 1e-12);
    assertEquals(reg.getR(), fit.r(), 1e-12);
    // Recht et al. 2019 / Taori et al. 2020: ImageNetV2 accuracy is almost exactly linear in ImageNet accuracy
    assertTrue(fit.r() > 0.99, "r = " + fit.r());
    Map<String, Double> er = EffectiveRobustness.perModel(testbed, fit);
    double meanBaseline = BASELINES.stream().mapToDouble(er::get).average().orElseThrow();
    assertEquals(0.0, meanBaseline, 0.5, "baselines sit on their own line on average");
    // the residual identity: ER is exactly OOD minus the back-transformed line
    double x = testbed.accuracy("resnet50", "val").getAsDouble();
    double y = testbed.accuracy("resnet50", V2).getAsDouble();
    double line = 100 / (1 + Math.exp(-(fit.slope() * Math.log(x / (100 - x)) + fit.intercept())));
    assertEquals(y - line, er.get("resnet50"), 1e-9);
    assertTrue(fit.toString().contains("LOGIT") && fit.toString().contains("accuracy points"));
    assertEquals(fit, dev.robusta.Metrics.effectiveRobustness(testbed, "val", V2, BASELINES), "facade = long form");
  }

  @Test
  void clipZeroShotIsEffectivelyRobustOnImageNetR() {
    // Radford et al. 2021 (CLIP) and Taori et al.: zero-shot CLIP lies far above the baseline line on ImageNet-R
    RobustnessFit fit = EffectiveRobustness.fit(testbed, "val-on-imagenet-r-classes", "imagenet-r", BASELINES,
        AccuracyTransform.LOGIT);
    Map<String, Double> er = EffectiveRobustness.perModel(testbed, fit);
    assertTrue(er.get("vit_b_32_clip_zeroshot") > 10, "CLIP ER " + er.get("vit_b_32_clip_zeroshot"));
    assertTrue(er.get("resnet50_clip_zeroshot") > 10, "CLIP ER " + er.get("resnet50_clip_zeroshot"));
    assertTrue(Math.abs(er.get("resnet50")) < 5, "a baseline stays near the line: " + er.get("resnet50"));
    RobustnessFit probit = EffectiveRobustness.fit(testbed, "val-on-imagenet-r-classes", "imagenet-r", BASELINES,
        AccuracyTransform.PROBIT);
    assertTrue(EffectiveRobustness.perModel(testbed, probit).get("vit_b_32_clip_zeroshot") > 10);
  }

  @Test
  void bootstrapBandCoversTheLineAndIsSeeded() {
    RobustnessFit fit = EffectiveRobustness.fit(testbed, "val", V2, BASELINES, AccuracyTransform.LOGIT);
    double[] grid = {55, 65, 75, 85};
    FitBand band = EffectiveRobustness.bootstrapBand(testbed, fit, grid, 500, 42, 0.95);
    for (int g = 0; g < grid.length; g++) {
      double p = fit.predictedOod(grid[g]);
      assertTrue(band.lower()[g] <= p && p <= band.upper()[g], "grid " + grid[g] + ": " + band.lower()[g] + " " + p + " " + band.upper()[g]);
      assertTrue(band.upper()[g] - band.lower()[g] < 5, "band width at " + grid[g]);
    }
    FitBand again = EffectiveRobustness.bootstrapBand(testbed, fit, grid, 500, 42, 0.95);
    assertEquals(band.lower()[1], again.lower()[1], 0.0);
    assertTrue(band.toString().contains("seed 42"));
  }

  @Test
  void clopperPearsonBarsAsTheTestbed() {
    double acc = testbed.accuracy("resnet50", "val").getAsDouble() / 100;
    Interval bar = ClopperPearson.forAccuracy(acc, 50_000, 0.995);
    assertTrue(bar.lower() < acc && acc < bar.upper());
    assertTrue(bar.upper() - bar.lower() < 0.015 && bar.upper() - bar.lower() > 0.005, bar.toString());
    assertThrows(IllegalArgumentException.class, () -> ClopperPearson.forAccuracy(76.13, 50_000, 0.995));
  }

  @Test
  void readsTimmCsvsWithTheirQuirks() {
    AccuracyTable in = ResultTables.readTimm(Shared.path("data/results/timm/results-imagenet.csv"), "imagenet");
    AccuracyTable r = ResultTables.readTimm(Shared.path("data/results/timm/results-imagenet-r.csv"), "imagenet-r");
    AccuracyTable both = in.join(r);
    assertTrue(both.accuracy("eva02_large_patch14_448.mim_m38m_ft_in22k_in1k", "imagenet").getAsDouble() > 89);
    AccuracyTable real = ResultTables.readTimm(Shared.path("data/results/timm/results-imagenet-real.csv"), "real");
    assertEquals(1013.01, real.accuracy("eva_giant_patch14_336.clip_ft_in1k", "param_count").getAsDouble(), 1e-9,
        "quoted thousands separator");
    long common = in.models().stream().filter(m -> r.accuracy(m, "imagenet-r").isPresent()).count();
    assertTrue(common > 100, "models in both timm files: " + common);
  }

  @Test
  void timmClipPretrainedModelsAreEffectivelyRobustOnImageNetR() {
    // timm's -R runs and their "-clean" twins on the same 200 classes (both top-1 in percent)
    AccuracyTable t = ResultTables.readTimm(Shared.path("data/results/timm/results-imagenet-r-clean.csv"), "r-clean")
        .join(ResultTables.readTimm(Shared.path("data/results/timm/results-imagenet-r.csv"), "r"));
    // baselines: models whose pretrained tag says ImageNet-1k only (no extra data, no distillation or
    // self-supervision), read from the timm name "arch.tag"
    java.util.regex.Pattern extra = java.util.regex.Pattern.compile(
        "in22k|in21k|ig1b|laion|openai|jft|yfcc|m38m|merged|webli|clip|dist|ssl|swsl|semi|ns_|_ns|mim|dfn|lvd|sw_|_sw|bt_");
    List<String> base = t.models().stream().filter(m -> m.contains(".") && m.substring(m.indexOf('.') + 1).endsWith("in1k")
        && !extra.matcher(m.substring(m.indexOf('.') + 1)).find() && t.accuracy(m, "r").isPresent()).toList();
    assertTrue(base.size() > 500, "baselines: " + base.size());
    RobustnessFit fit = EffectiveRobustness.fit(t, "r-clean", "r", base, AccuracyTransform.LOGIT);
    Map<String, Double> er = EffectiveRobustness.perModel(t, fit);
    double baseMean = base.stream().mapToDouble(er::get).average().orElseThrow();
    double laionMean = er.entrySet().stream().filter(e -> e.getKey().contains("laion")).mapToDouble(Map.Entry::getValue)
        .average().orElseThrow();
    assertEquals(0.0, baseMean, 1.0, "baselines sit on their line");
    // Radford et al. 2021; Wortsman et al. 2022: CLIP pre-training keeps effective robustness after fine-tuning
    assertTrue(laionMean > 10, "mean ER of LAION-CLIP-pretrained models: " + laionMean);
  }
}
