package dev.robusta.train;

import ai.djl.Model;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/** Atomic parameter files: {@code NAME-EEEE.params} written to a temporary folder and renamed into place. */
final class Checkpoints {
  private Checkpoints() {}

  static Path saveAtomically(Model model, Path dir, String name, int epoch) {
    try {
      Files.createDirectories(dir);
      Path tmp = Files.createTempDirectory(dir, ".tmp-" + name + "-");
      try {
        model.setProperty("Epoch", Integer.toString(epoch));
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
