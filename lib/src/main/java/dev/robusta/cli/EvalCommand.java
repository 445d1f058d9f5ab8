package dev.robusta.cli;

import dev.robusta.Corruptions;
import dev.robusta.Datasets;
import dev.robusta.Models;
import dev.robusta.corrupt.Preset;
import dev.robusta.data.Dataset;
import dev.robusta.data.DatasetException;
import dev.robusta.data.Split;
import dev.robusta.infer.Classifier;
import dev.robusta.infer.ClassifierLoader;
import dev.robusta.infer.LogitsCache;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ./robusta eval}: any classifier on registered datasets, their in-memory corruptions and OOD sets;
 * the same tables and report as the demo, one report per {@code --dataset} under {@code --out/<id>/}.
 */
final class EvalCommand implements Command {
  static final int DEFAULT_LIMIT = 1000;
  static final List<String> SYNTHETIC = OodArgument.SYNTHETIC;

  @Override
  public int run(String[] args) throws Exception {
    long t0 = System.nanoTime();
    Interrupt.install();
    Args a = Args.parse(args, List.of("--model", "--preset", "--dataset", "--corruptions", "--only", "--ood",
        "--root", "--out", "--limit", "--seed", "--cache", "--frost", "--label-policy"), List.of("--partial"));
    if (!a.has("--model") || !a.has("--dataset")) {
      throw new UsageException("--model and --dataset are required", "e.g. ./robusta eval --model resnet20.pt"
          + " --preset cifar --dataset cifar10 --root DIR --corruptions cifar10-c --ood gaussian,blobs");
    }
    Path root = a.has("--root") ? Path.of(a.value("--root")).toAbsolutePath() : null;
    Path out = a.path("--out", DemoCommand.defaultOut().resolveSibling("eval"));
    int limit = a.intValue("--limit", DEFAULT_LIMIT, 1, Integer.MAX_VALUE);
    FrostOption.apply(a);
    long seed = a.longValue("--seed", 1);
    Preset corruptionPreset = a.has("--corruptions") ? corruptionPreset(a.value("--corruptions")) : null;
    List<String> corruptions = corruptionPreset == null ? List.of() : Corruptions.benchmarkNames();
    if (a.has("--only")) {
      corruptions = new ArrayList<>();
      for (String c : a.value("--only").split(",")) {
        if (!Corruptions.names().contains(c.trim())) {
          throw new UsageException("unknown corruption '" + c.trim() + "'", "known: " + Corruptions.names());
        }
        corruptions.add(c.trim());
      }
      if (corruptionPreset == null) {
        throw new UsageException("--only needs --corruptions PRESET", "e.g. --corruptions cifar10-c --only fog,contrast");
      }
    }
    String modelArg = a.value("--model");
    if (!modelArg.contains("://") && !Files.isRegularFile(Path.of(modelArg))) {
      throw new UsageException("model file " + Path.of(modelArg).toAbsolutePath() + " does not exist",
          "pass a TorchScript .pt or ONNX .onnx file, or a djl:// / https:// model URL");
    }
    dev.robusta.data.LabelPolicy labelPolicy = a.has("--label-policy")
        ? LabelPolicies.parse(a.value("--label-policy")) : dev.robusta.data.LabelPolicy.MASK_TO_SUBSET;
    for (String id : a.value("--dataset").split(",")) {
      if (TestbedExamples.matches(id.trim())) {
        TestbedExamples ex = TestbedExamples.at(id.trim(), root);
        TestbedExamples.checkOptions(a.has("--preset") ? modelPreset(a.value("--preset")) : null,
            a.has("--corruptions") || a.has("--ood") || a.has("--limit"));
        Map<String, String> config = new LinkedHashMap<>();
        config.put("command", "./robusta eval " + String.join(" ", args));
        config.put("model", modelArg + ", ImageNet mean/std; A and V2 photos: shorter side 256 (Pillow bilinear),"
            + " center crop 224; ImageNet-C examples: 224x224 as released, no resize");
        try (Classifier clf = loadModel(modelArg, dev.robusta.infer.Preset.IMAGENET_C_RELEASED)) {
          ex.run(clf, labelPolicy, out.resolve(TestbedExamples.ID), config, System.out);
        }
        continue;
      }
      Dataset test = ImageNetInputs.dataset(id.trim(), root, a.has("--partial"));
      if (test.labelSpace() == null) {
        throw new UsageException(id + " has no label space (an OOD-only set?)", "use it with --ood instead");
      }
      if (corruptionPreset != null && corruptionPreset != Preset.CIFAR_C && test.size() > 0
          && Math.min(test.get(0).image().height(), test.get(0).image().width()) < 64) {
        System.out.println("robusta: warning: " + corruptionPreset + " severities are made for ImageNet-size images,"
            + " and " + test.id() + " has " + test.get(0).image().height() + "x" + test.get(0).image().width()
            + " images; the CIFAR-10-C protocol is --corruptions cifar10-c");
      }
      dev.robusta.infer.Preset requested = a.has("--preset") ? modelPreset(a.value("--preset"))
          : id.startsWith("cifar") ? dev.robusta.infer.Preset.CIFAR : dev.robusta.infer.Preset.IMAGENET;
      ImageNetInputs.Prepared prepared = ImageNetInputs.forCorruptions(test, requested, corruptionPreset);
      test = prepared.test();
      dev.robusta.infer.Preset preset = prepared.preset();
      List<Dataset> ood = new ArrayList<>();
      if (a.has("--ood")) {
        for (String o : a.value("--ood").split(",")) {
          ood.add(prepared.ood().apply(oodSet(o.trim(), test, root, seed)));
        }
      }
      Map<String, String> config = new LinkedHashMap<>();
      config.put("command", "./robusta eval " + String.join(" ", args));
      config.put("model", modelArg + ", preprocessing " + preset);
      config.put("dataset", test.id() + " (" + test.size() + " images, " + test.labelSpace().size() + " classes)");
      if (corruptionPreset != null) {
        config.put("corruptions", corruptions.size() + " corruptions x 5 severities, " + corruptionPreset
            + " tables, generated in memory, first " + Math.min(limit, test.size()) + " images per cell, seed " + seed);
      }
      if (prepared.protocol() != null) {
        config.put("corruption protocol", prepared.protocol());
      }
      config.put("ood", ood.isEmpty() ? "none" : String.join(", ", ood.stream().map(Dataset::id).toList())
          + " (images of another size resized: shorter side to the model's input, Pillow bilinear, center crop)");
      LogitsCache cache = a.has("--cache") ? LogitsCache.at(Path.of(a.value("--cache"))) : LogitsCache.standard();
      String suffix = "/" + (corruptionPreset == null ? "none" : corruptionPreset.name()) + "/seed" + seed;
      try (Classifier clf = loadModel(modelArg, preset);
           Classifier resizing = preset.requiredSize() > 0 ? loadModel(modelArg, resizePreset(preset)) : null) {
        int outputs;
        try {
          outputs = clf.logits(List.of(test.get(0).image()))[0].length;
        } catch (dev.robusta.infer.InferenceException e) {
          throw new UsageException("the model rejected the first image of " + test.id() + " as preprocessed by preset "
              + preset + ": " + e.getMessage(), "pick the preset of the model's input (--preset imagenet for"
              + " 224x224 ImageNet models, --preset cifar for 32x32 CIFAR models)");
        }
        int[] kept = SubsetLogits.columns(test, outputs, a.has("--label-policy") ? labelPolicy : null);
        if (kept != null) {
          config.put("label space", SubsetLogits.describe(test, kept.length));
          System.out.println("label-space policy: " + config.get("label space"));
        }
        PipelineLogits source = new PipelineLogits(clf, cache, suffix);
        PipelineLogits oodSource = resizing != null ? new PipelineLogits(resizing, cache, suffix) : null;
        LogitsSource routed = (d, cell) -> cell.equals("ood") && oodSource != null && !fits(d, preset)
            ? oodSource.logits(d, cell) : source.logits(d, cell);
        EvalJob.Spec spec = new EvalJob.Spec(Path.of(modelArg).getFileName().toString(),
            SubsetLogits.wrap(routed, kept), test.labelSpace().size(), test, corruptions, corruptionPreset, limit, ood, seed,
            out.resolve(test.id().replace('/', '-')), config, List.of(id.trim()), null);
        new EvalJob(spec, System.out).run();
        System.out.println(source.summary());
        if (oodSource != null) {
          System.out.println(oodSource.summary() + " (OOD sets resized to the model's input)");
        }
      }
    }
    System.out.printf(Locale.ROOT, "eval finished in %.1f s%n", (System.nanoTime() - t0) / 1e9);
    return 0;
  }

  private static boolean fits(Dataset d, dev.robusta.infer.Preset p) {
    if (d.size() == 0) {
      return true;
    }
    var img = d.get(0).image();
    return img.height() == p.requiredSize() && img.width() == p.requiredSize();
  }

  private static dev.robusta.infer.Preset resizePreset(dev.robusta.infer.Preset p) {
    return dev.robusta.infer.Preset.of(p.name() + "+resize" + p.requiredSize(), p.requiredSize(), p.requiredSize(),
        p.mean(), p.std());
  }

  static Dataset load(String id, Path root, boolean partial) {
    try {
      if (partial && root != null) {
        return Datasets.loadPartial(id, root);
      }
      return root != null ? Datasets.load(id, Split.TEST, root) : Datasets.load(id, Split.TEST);
    } catch (DatasetException e) {
      throw new UsageException(e.getMessage(), e.hint() != null ? e.hint() : "./robusta datasets list");
    }
  }

  static Dataset oodSet(String id, Dataset test, Path root, long seed) {
    return OodArgument.resolve(id, test, seed);
  }

  static Classifier loadModel(String model, dev.robusta.infer.Preset preset) {
    if (model.startsWith("http://") || model.startsWith("https://") || model.startsWith("djl://")) {
      return ClassifierLoader.zoo(model, model.endsWith(".onnx") ? dev.robusta.infer.Backend.ONNX_RUNTIME
          : dev.robusta.infer.Backend.PYTORCH, preset).load();
    }
    Path p = Path.of(model);
    if (!Files.isRegularFile(p)) {
      throw new UsageException("model file " + p.toAbsolutePath() + " does not exist",
          "pass a TorchScript .pt or ONNX .onnx file, or a djl:// / https:// model URL");
    }
    return Models.load(p, preset);
  }

  static dev.robusta.infer.Preset modelPreset(String name) {
    try {
      return dev.robusta.infer.Preset.named(name);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage(), "--preset imagenet|imagenet-c-released|cifar");
    }
  }

  static Preset corruptionPreset(String name) {
    String n = name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    switch (n) {
      case "CIFAR10_C", "CIFAR100_C", "CIFAR_C": return Preset.CIFAR_C;
      case "IMAGENET_C": return Preset.IMAGENET_C;
      case "TINY_IMAGENET_C": return Preset.TINY_IMAGENET_C;
      case "IMAGECORRUPTIONS": return Preset.IMAGECORRUPTIONS;
      default:
        throw new UsageException("unknown corruption preset '" + name + "'",
            "one of " + Arrays.toString(Preset.values()) + " (cifar10-c = CIFAR_C)");
    }
  }

  @Override
  public String help() {
    return "Usage: ./robusta eval --model FILE|URL [--preset NAME] --dataset ID[,ID...] [--corruptions PRESET]\n"
        + "                      [--only NAME,...] [--ood ID,...] [--root DIR [--partial]] [--out DIR] [--limit N]\n"
        + "                      [--seed S] [--cache DIR] [--frost DIR]\n"
        + "Evaluates a classifier on registered datasets: clean accuracy and calibration, the 15 benchmark\n"
        + "corruptions x 5 severities generated in memory (--corruptions cifar10-c|imagenet-c|tiny-imagenet-c;\n"
        + "--only picks some), OOD detection (--ood gaussian,rademacher,blobs,uniform, registered ids, ID=DIR for a\n"
        + "local copy, DIR or NAME=DIR for any folder of images) with "
        + "MSP, MaxLogit, energy and entropy; tables on the terminal, report.html + CSVs under --out/<dataset>/.\n"
        + "  --preset   imagenet | imagenet-c-released | cifar (default: cifar for cifar* ids, else imagenet)\n"
        + "  --root     a local copy of the dataset (e.g. the CIFAR-10 image folders)\n"
        + "  --partial  accept a local copy with fewer images than the registry lists (--ood ID=DIR always does)\n"
        + "  --limit N  images per corruption cell (default " + DEFAULT_LIMIT + ")\n"
        + "  --cache D  the logits cache (default $ROBUSTA_CACHE/logits or ~/.cache/robusta/logits); a cell computed\n"
        + "             before is read back, an interrupted run resumes from its last checkpoint\n"
        + "  --frost D  the six frost textures (registry resource imagenet-c-frost)\n"
        + "ImageNet (class lists: ROBUSTA_CLASS_LISTS=DIR holding imagenet1k_wnids.txt, imagenet_a_wnids.txt):\n"
        + "  --dataset imagenet-folder=DIR   photos in <wnid>/ folders or named <wnid>_<name>.JPEG, any classes\n"
        + "                                  (imagenet-val --root DIR --partial reads a partial copy the same way)\n"
        + "  --corruptions imagenet-c        corrupts the Resize(256)+CenterCrop(224) crop, as make_imagenet_c.py\n"
        + "  --dataset imagenet-testbed-examples=DIR   imagenet-testbed's unlabelled images/: ImageNet-C examples as\n"
        + "                                  prediction consistency with the clean bird.jpeg, ImageNet-A examples\n"
        + "                                  under --label-policy, ImageNet-V2 examples over all 1000 classes\n"
        + "  --label-policy P  mask-to-subset (default: argmax over the dataset's 200 classes, ImageNet-A/R/O)\n"
        + "                    | full-1000 | map-any-of";
  }
}
