// Effective robustness of one model from the testbed table (Taori et al. 2020, logit axes):
//   MODEL=resnet50_clip_zeroshot SHIFT=imagenet-r ID=val-on-imagenet-r-classes ./robusta jshell snippets/effective-robustness.jsh
import dev.robusta.metrics.*;
Path shared = Path.of(System.getenv().getOrDefault("ROBUSTA_SHARED", "../shared"));
String model = System.getenv().getOrDefault("MODEL", "resnet50_clip_zeroshot");
String shift = System.getenv().getOrDefault("SHIFT", "imagenet-r");
String id = System.getenv().getOrDefault("ID", "val-on-imagenet-r-classes");
var testbed = ResultTables.readTestbed(shared.resolve("data/results/imagenet-testbed/robustness_top1s.csv"));
// the baseline line: standard ImageNet-1k models
List<String> baselines = List.of("alexnet", "vgg11", "vgg13", "vgg16", "vgg19", "vgg11_bn", "vgg16_bn", "vgg19_bn",
    "resnet18", "resnet34", "resnet50", "resnet101", "resnet152", "densenet121", "densenet161", "densenet169",
    "densenet201", "squeezenet1_0", "squeezenet1_1", "mobilenet_v2", "shufflenet_v2_x1_0", "googlenet/inceptionv1",
    "inceptionv3", "inceptionv4", "mnasnet1_0", "resnext50_32x4d", "resnext101_32x8d", "wide_resnet50_2",
    "wide_resnet101_2", "efficientnet-b0", "efficientnet-b1", "efficientnet-b2", "efficientnet-b3", "efficientnet-b4");
var usable = baselines.stream().filter(m -> testbed.accuracy(m, shift).orElse(0) > 0).toList();
var fit = EffectiveRobustness.fit(testbed, id, shift, usable, AccuracyTransform.LOGIT);
System.out.println(fit);
double x = testbed.accuracy(model, id).orElseThrow(() -> new IllegalArgumentException(model + " has no " + id + " accuracy in the testbed"));
double y = testbed.accuracy(model, shift).orElseThrow(() -> new IllegalArgumentException(model + " has no " + shift + " accuracy in the testbed"));
System.out.println(String.format(Locale.ROOT, "%s: %s %.2f%%, %s %.2f%%, line predicts %.2f%%, effective robustness %+.2f points",
    model, id, x, shift, y, fit.predictedOod(x), fit.effectiveRobustness(x, y)));
