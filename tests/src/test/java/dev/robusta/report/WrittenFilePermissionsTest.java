package dev.robusta.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.robusta.Reports;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reports and tables are written through a temporary sibling and a move; the result must get the
 * permissions of any file the user creates (the umask), not the owner-only 0600 of a temp file, so a
 * report can be shared or served. And no temporary sibling stays behind.
 */
class WrittenFilePermissionsTest {
  @TempDir Path dir;

  @Test
  void reportGetsTheUmaskPermissionsOfAPlainFileAndLeavesNoPart() throws Exception {
    Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
        "POSIX permissions only");
    Path plain = Files.createFile(dir.resolve("plain.txt"));
    Set<PosixFilePermission> expected = Files.getPosixFilePermissions(plain);
    assertTrue(expected.contains(PosixFilePermission.OWNER_READ), "a plain file is readable by its owner");

    Path report = Reports.report("hello").write(dir.resolve("report.html"));
    assertEquals(expected, Files.getPosixFilePermissions(report), "report.html permissions");
    Html.writeAtomically(dir.resolve("table.csv"), "a,b\n1,2\n");
    assertEquals(expected, Files.getPosixFilePermissions(dir.resolve("table.csv")), "table.csv permissions");
    // overwriting keeps working and still leaves nothing half-written
    Html.writeAtomically(dir.resolve("table.csv"), "a,b\n3,4\n");
    assertEquals("a,b\n3,4\n", Files.readString(dir.resolve("table.csv")));
    try (Stream<Path> s = Files.list(dir)) {
      assertEquals(Set.of("plain.txt", "report.html", "table.csv"),
          s.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toSet()));
    }
  }
}
