// One image at every severity of every corruption, saved as a PNG grid:
//   IMAGE=photo.jpg OUT=grid.png ./robusta jshell snippets/corrupt-grid.jsh
Path shared = Path.of(System.getenv().getOrDefault("ROBUSTA_SHARED", "../shared"));
Path input = Path.of(System.getenv().getOrDefault("IMAGE",
    shared.resolve("data/datasets/imagenet-sample-images/n01440764_tench.JPEG").toString()));
// frost overlays its six texture pictures (hendrycks/robustness); ../shared has them
Path frost = shared.resolve("data/datasets/imagenet-c-frost");
if (System.getenv("ROBUSTA_FROST_DIR") == null && Files.isDirectory(frost)) System.setProperty("robusta.frost.dir", frost.toString());
Path out = Path.of(System.getenv().getOrDefault("OUT", System.getProperty("java.io.tmpdir") + "/robusta-corruption-grid.png"));
Image clean = dev.robusta.infer.Preset.IMAGENET.geometry(Image.of(javax.imageio.ImageIO.read(input.toFile())).toRgb());
var grid = dev.robusta.report.ImageGrid.corruptions("ImageNet-C corruptions of " + input.getFileName(), clean,
    Corruptions.names(), (c, s) -> Corruptions.apply(clean, c, s, 0L), 64);
Files.write(out, grid.png());
System.out.println("wrote " + out + ": " + Corruptions.names().size() + " corruptions x 5 severities");
