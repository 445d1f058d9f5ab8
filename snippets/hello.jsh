// A first look at Robusta from JShell: ./robusta jshell snippets/hello.jsh
// The imports (dev.robusta.*, dev.robusta.data.*, tech.tablesaw.api.*, java.util.*, Display) are pre-loaded.

// A 4x4 RGB image whose red channel grows left to right.
byte[] hwc = new byte[4 * 4 * 3];
for (int y = 0; y < 4; y++)
  for (int x = 0; x < 4; x++)
    hwc[(y * 4 + x) * 3] = (byte) (x * 80);
var img = new Image(4, 4, 3, hwc);

// Mean red value per column, as a Tablesaw table.
var columns = IntColumn.create("x");
var meanRed = DoubleColumn.create("mean_red");
for (int x = 0; x < img.width(); x++) {
  double sum = 0;
  for (int y = 0; y < img.height(); y++) sum += img.get(y, x, 0);
  columns.append(x);
  meanRed.append(sum / img.height());
}
show(Table.create("red by column", columns, meanRed));

System.out.println("hello from Robusta " + Robusta.version() + ": image " + img.height() + "x" + img.width()
    + ", red at the right edge = " + img.get(0, 3, 0));
