// Imports pre-loaded in the Robusta Jupyter kernel, in `./robusta jshell` and in scripts it runs.
// One import per line; add a line when a new package of the library should be at hand.
import java.io.*;
import java.math.*;
import java.net.*;
import java.nio.file.*;
import java.util.*;
import java.util.concurrent.*;
import java.util.function.*;
import java.util.regex.*;
import java.util.stream.*;
import dev.robusta.report.*;
import java.awt.image.BufferedImage;
import tech.tablesaw.api.*;
import dev.robusta.*;
import dev.robusta.data.*;
import dev.robusta.kernel.Display;
import static dev.robusta.kernel.Display.*;
