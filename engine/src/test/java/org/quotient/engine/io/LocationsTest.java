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
import org.quotient.engine.io.Locations.Expect;

class LocationsTest {
  private final Configuration hadoop = new Configuration();
  private final String workingFolder = Path.of("").toAbsolutePath().toString();

  @Test
  void keepsPathsAndUrisThatHadoopReadsAsGiven() {
    for (String given :
        new String[] {"lake", "out/lake", "/tmp/FY26:Q1", "file:/tmp/x", "a b/c:d", "../up"}) {
      assertEquals(given, Locations.resolve(given, "--lake", hadoop, Expect.ANYTHING));
    }
  }

  @Test
  void relativeFolderWithAColonInItsFirstPartIsQualifiedAgainstTheWorkingFolder() {
    String resolved = Locations.resolve("FY26:Q1", "--input", hadoop, Expect.ANYTHING);

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
            QuotientException.class,
            () -> Locations.resolve("foo://h/x", "--lake", hadoop, Expect.ANYTHING));

    assertEquals(QuotientException.EXIT_INPUT, e.exitCode());
    assertTrue(e.getMessage().contains("Option --lake has 'foo://h/x'"), e.getMessage());
    assertTrue(e.getMessage().contains("no Hadoop file system for 'foo:'"), e.getMessage());
  }

  @Test
  void s3WithoutTheConnectorSaysWhichPackageToAdd() {
    QuotientException e =
        assertThrows(
            QuotientException.class,
            () -> Locations.resolve("s3a://bucket/lake", "--lake", hadoop, Expect.ANYTHING));

    assertTrue(e.getMessage().contains("org.apache.hadoop:hadoop-aws:"), e.getMessage());
  }

  @Test
  void absoluteTextThatIsNoPathFailsClearly() {
    QuotientException e =
        assertThrows(
            QuotientException.class,
            () -> Locations.resolve("1x://h/x", "--input", hadoop, Expect.ANYTHING));

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
            () -> Locations.resolve(file, "--export-csv", hadoop, Expect.FOLDER_OR_NOTHING));
    QuotientException report =
        assertThrows(
            QuotientException.class,
            () -> Locations.resolve(folder, "--report", hadoop, Expect.FILE_OR_NOTHING));

    assertTrue(export.getMessage().contains("which is a file, but it names a folder"));
    assertTrue(report.getMessage().contains("which is a folder, but it names one file"));
    // Nothing there yet, or the right kind, passes.
    Locations.resolve(folder, "--export-csv", hadoop, Expect.FOLDER_OR_NOTHING);
    Locations.resolve(folder + "/new", "--export-csv", hadoop, Expect.FOLDER_OR_NOTHING);
    Locations.resolve(file, "--report", hadoop, Expect.FILE_OR_NOTHING);
    Locations.resolve(folder + "/r.html", "--report", hadoop, Expect.FILE_OR_NOTHING);
  }

  @Test
  void aFileToReadMustExist(@TempDir Path dir) {
    QuotientException e =
        assertThrows(
            QuotientException.class,
            () ->
                Locations.resolve(
                    dir.resolve("truth[1].csv").toString(),
                    "--ground-truth",
                    hadoop,
                    Expect.EXISTING));

    assertTrue(e.getMessage().contains("which does not exist"), e.getMessage());
  }

  @Test
  void anEmptyLocationIsRefusedNotTakenAsTheWorkingFolder() {
    QuotientException e =
        assertThrows(
            QuotientException.class,
            () -> Locations.resolve("", "--lake", hadoop, Expect.ANYTHING));

    assertTrue(e.getMessage().contains("Option --lake has ''"), e.getMessage());
    assertTrue(e.getMessage().contains("it is empty"), e.getMessage());
  }

  @Test
  void aPathStartingWithTwoSlashesIsRefusedAsAHostName() {
    QuotientException e =
        assertThrows(
            QuotientException.class,
            () -> Locations.resolve("//data/lake", "--lake", hadoop, Expect.ANYTHING));

    assertTrue(e.getMessage().contains("begin a path with one '/'"), e.getMessage());
  }

  @Test
  void noLocationStaysNone() {
    assertEquals(null, Locations.resolve(null, "--report", hadoop, Expect.ANYTHING));
  }
}
