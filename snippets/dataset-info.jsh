// A dataset's citation, licence and label mapping: DATASET=imagenet-r ./robusta jshell snippets/dataset-info.jsh
// Class lists are read from ROBUSTA_SHARED/data/class-lists when present (else downloaded through the Store).
String id = System.getenv().getOrDefault("DATASET", "imagenet-r");
Path shared = Path.of(System.getenv().getOrDefault("ROBUSTA_SHARED", "../shared"));
if (Files.isDirectory(shared.resolve("data/class-lists"))) Datasets.useClassLists(shared.resolve("data/class-lists"));
RegistryEntry e = Datasets.info(id);
System.out.println(e.id() + ": " + e.title());
System.out.println("citation: " + e.citation());
System.out.println("licence: " + e.licence());
System.out.println("labels: " + e.labels());
LabelSpace space = Loader.defaults().labelSpace(e, null);
System.out.println("label space: " + space);
for (int i = 0; i < Math.min(5, space.size()); i++)
  System.out.println("  label " + i + " = " + space.classes().get(i)
      + (space.mapsToImagenet() ? " -> ImageNet-1k index " + space.toImagenet(i) : ""));
