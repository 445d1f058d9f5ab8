// Check a local dataset copy against the registry (layout, class folders, image counts):
//   DATASET=cifar10 ROOT=/data/cifar10 ./robusta jshell snippets/check-local-copy.jsh
Path shared = Path.of(System.getenv().getOrDefault("ROBUSTA_SHARED", "../shared"));
String id = System.getenv().getOrDefault("DATASET", "cifar10");
Path root = Path.of(System.getenv().getOrDefault("ROOT", shared.resolve("data/datasets/cifar10-test-jpeg").toString()));
var report = new Verifier(Loader.defaults()).verify(id, root);
System.out.println(report);
System.out.println(id + " at " + root + ": " + (report.passed() ? "OK" : report.problems().size() + " problem(s)"));
