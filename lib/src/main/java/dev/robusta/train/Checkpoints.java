package dev.robusta.train;

import ai.djl.Model;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Atomic parameter files: {@code NAME-EEEE.params} written to a temporary folder and renamed into place. Besides
 * DJL's header (model name, data type, input shapes) each file records, as DJL model properties, the network's
 * {@code robusta.architecture}, {@code robusta.classes}, {@code robusta.rotationHead} and
 * {@code robusta.body} (the name and shape of every parameter outside the heads), so a fine-tuning run can check
 * a checkpoint before reading it ({@link FineTune#fromCheckpoint}).
 */
final class Checkpoints {
  static final String ARCHITECTURE = "robusta.architecture";
  static final String CLASSES = "robusta.classes";
  static final String ROTATION_HEAD = "robusta.rotationHead";
  static final String BODY = "robusta.body";

  private Checkpoints() {}

  static Path saveAtomically(Model model, Path dir, String name, int epoch) {
    try {
      Files.createDirectories(dir);
      Path tmp = Files.createTempDirectory(dir, ".tmp-" + name + "-");
      try {
        model.setProperty("Epoch", Integer.toString(epoch));
        if (model.getBlock() instanceof Network n) {
          model.setProperty(ARCHITECTURE, n.architecture());
          model.setProperty(CLASSES, Integer.toString(n.classes()));
          model.setProperty(ROTATION_HEAD, Boolean.toString(n.hasRotationHead()));
          model.setProperty(BODY, bodySignature(n));
        }
        model.save(tmp, name);
        String file = String.format("%s-%04d.params", name, epoch);
        Path target = dir.resolve(file);
        try {
          Files.move(tmp.resolve(file), target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp.resolve(file), target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
      } finally {
        deleteTree(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the checkpoint of '" + name + "' into " + dir, e);
    }
  }

  /** @return {@code name(shape);...} of every parameter outside the classifier and rotation heads, block order */
  static String bodySignature(Block network) {
    StringBuilder s = new StringBuilder();
    for (Pair<String, Parameter> p : network.getParameters()) {
      if (!FineTune.isHead(p.getKey())) {
        Parameter v = p.getValue();
        Shape shape = v.isInitialized() ? v.getArray().getShape() : v.getShape();
        s.append(p.getKey()).append(shape).append(';');
      }
    }
    return s.toString();
  }

  /**
   * The header of a DJL {@code .params} file: "DJL@", format version, model name, data type, input names and
   * shapes, properties (as {@code ai.djl.BaseModel#save} writes them).
   */
  record Header(String modelName, Shape input, Map<String, String> properties) {}

  static Header readHeader(Path file) throws IOException {
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      byte[] magic = new byte[4];
      in.readFully(magic);
      if (!"DJL@".equals(new String(magic, java.nio.charset.StandardCharsets.US_ASCII))) {
        throw new IOException(file + " is not a DJL parameter file (no DJL@ header)");
      }
      int version = in.readInt();
      if (version != 1) {
        throw new IOException(file + " has DJL parameter-file version " + version + "; version 1 is supported");
      }
      String modelName = in.readUTF();
      in.readUTF(); // data type
      int inputs = in.readInt();
      Shape input = null;
      for (int i = 0; i < inputs; i++) {
        in.readUTF();
        Shape s = Shape.decode(in);
        if (input == null) {
          input = s;
        }
      }
      int props = in.readInt();
      Map<String, String> p = new LinkedHashMap<>();
      for (int i = 0; i < props; i++) {
        p.put(in.readUTF(), in.readUTF());
      }
      return new Header(modelName, input, p);
    }
  }

  static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> s = Files.walk(p)) {
      for (Path q : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(q);
      }
    }
  }
}
