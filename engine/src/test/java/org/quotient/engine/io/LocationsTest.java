package org.quotient.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quotient.engine.QuotientException;

class LocationsTest {
  private final Configuration hadoop = new Configuration();
  private final String workingFolder = Path.of("").toAbsolutePath().toString();

  @Test
  void keepsPathsAndUrisThatHadoopReadsAsGiven() {
    for (String given :
        new String[] {"lake", "out/lake", "/tmp/FY26:Q1", "file:/tmp/x", "a b/c:d", "../up"}) {
      assertEquals(given, Locations.resolve(given, "--lake", hadoop));
    }
  }

  @Test
  void relativeFolderWithAColonInItsFirstPartIsQualifiedAgainstTheWorkingFolder() {
    String resolved = Locations.resolve("FY26:Q1", "--input", hadoop);

    assertEquals("file:" + workingFolder + "/FY26:Q1", resolved);
    // Children built from it and read back as strings (what Spark does) stay in the same place.
    org.apache.hadoop.fs.Path child =
        new org.apache.hadoop.fs.Path(new org.apache.hadoop.fs.Path(resolved), "accounts.csv");
    assertEquals(
        workingFolder + "/FY26:Q1/accounts.csv",
        new org.apache.hadoop.fs.Path(child.toString()).toUri().getPath());
  }

  @Test
  void schemeWithoutAFileSystemFailsNamingTheOptionAndTheScheme() {
    QuotientException e =
        assertThrows(
            QuotientException.class, () -> Locations.resolve("foo://h/x", "--lake", hadoop));

    assertEquals(QuotientException.EXIT_INPUT, e.exitCode());
    assertTrue(e.getMessage().contains("Option --lake has 'foo://h/x'"), e.getMessage());
    assertTrue(e.getMessage().contains("no Hadoop file system for 'foo:'"), e.getMessage());
  }

  @Test
  void s3WithoutTheConnectorSaysWhichPackageToAdd() {
    QuotientException e =
        assertThrows(
            QuotientException.class,
            () -> Locations.resolve("s3a://bucket/lake", "--lake", hadoop));

    assertTrue(e.getMessage().contains("org.apache.hadoop:hadoop-aws:"), e.getMessage());
  }

  @Test
  void absoluteTextThatIsNoPathFailsClearly() {
    QuotientException e =
        assertThrows(
            QuotientException.class, () -> Locations.resolve("1x://h/x", "--input", hadoop));

    assertTrue(e.getMessage().contains("neither a path nor a URI"), e.getMessage());
  }

  @Test
  void anExportFolderThatIsAFileAndAReportFileThatIsAFolderAreRefused(@TempDir Path dir)
      throws Exception {
    String file = Files.writeString(dir.resolve("a-file"), "x").toString();
    String folder = dir.toString();

    QuotientException export =
        assertThrows(
            QuotientException.class,
            () -> Locations.requireFolderOrAbsent(file, "--export-csv", hadoop));
    QuotientException report =
        assertThrows(
            QuotientException.class,
            () -> Locations.requireFileOrAbsent(folder, "--report", hadoop));

    assertTrue(export.getMessage().contains("which is a file, but it names a folder"));
    assertTrue(report.getMessage().contains("which is a folder, but it names one file"));
    // Absent paths and the right kinds pass.
    Locations.requireFolderOrAbsent(folder, "--export-csv", hadoop);
    Locations.requireFolderOrAbsent(dir.resolve("new").toString(), "--export-csv", hadoop);
    Locations.requireFileOrAbsent(file, "--report", hadoop);
    Locations.requireFileOrAbsent(null, "--report", hadoop);
  }

  @Test
  void noLocationStaysNone() {
    assertEquals(null, Locations.resolve(null, "--report", hadoop));
  }
}
