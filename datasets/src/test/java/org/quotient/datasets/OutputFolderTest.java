package org.quotient.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFolderTest {
  private static final GeneratorSettings SMALL = new GeneratorSettings(200, 5, 1, 3L);

  @TempDir Path tmp;

  @Test
  void createsAMissingOutputFolderAndLeavesNoTemporaryFolderBehind() throws Exception {
    Path out = tmp.resolve("nested/out");
    DatasetGenerator.generate(SMALL, out);
    assertTrue(Files.isRegularFile(out.resolve("accounts.csv")));
    assertTrue(Files.isRegularFile(out.resolve("ground_truth/true_potential.csv")));
    try (Stream<Path> siblings = Files.list(out.getParent())) {
      assertEquals(List.of(out), siblings.toList());
    }
  }

  @Test
  void replacesAPreviousGeneratorOutput() throws Exception {
    Path out = tmp.resolve("out");
    DatasetGenerator.generate(new GeneratorSettings(300, 5, 1, 9L), out);
    GenerationReport second = DatasetGenerator.generate(SMALL, out);
    assertEquals(200, second.rows("accounts.csv"));
    assertEquals(201, Files.readAllLines(out.resolve("accounts.csv")).size());
    try (Stream<Path> siblings = Files.list(tmp)) {
      assertEquals(List.of(out), siblings.toList());
    }
  }

  @Test
  void writesIntoAnExistingEmptyFolder() throws Exception {
    Path out = Files.createDirectory(tmp.resolve("empty"));
    DatasetGenerator.generate(SMALL, out);
    assertTrue(Files.isRegularFile(out.resolve("reps.csv")));
  }

  @Test
  void refusesToOverwriteAFolderThatIsNotAGeneratorOutput() throws Exception {
    Path out = Files.createDirectory(tmp.resolve("mine"));
    Files.writeString(out.resolve("thesis.docx"), "precious");
    Files.writeString(out.resolve("accounts.csv"), "account_id\n");
    var e =
        assertThrows(DatasetGenerationException.class, () -> DatasetGenerator.generate(SMALL, out));
    assertEquals(
        "Refusing to overwrite "
            + out.toAbsolutePath()
            + ": it is not empty and does not look like a previous generator output (unexpected"
            + " entries: thesis.docx). Choose an empty or new folder, or remove it first.",
        e.getMessage());
    assertEquals("precious", Files.readString(out.resolve("thesis.docx")));
    try (Stream<Path> siblings = Files.list(tmp)) {
      assertEquals(List.of(out), siblings.toList(), "no temporary folder left behind");
    }
  }

  @Test
  void refusesAFolderWithoutAccountsFile() throws Exception {
    Path out = Files.createDirectory(tmp.resolve("readme-only"));
    Files.writeString(out.resolve("README.md"), "notes");
    var e =
        assertThrows(DatasetGenerationException.class, () -> DatasetGenerator.generate(SMALL, out));
    assertTrue(e.getMessage().contains("(no accounts.csv)"), e.getMessage());
    assertFalse(Files.exists(out.resolve("reps.csv")));
  }

  @Test
  void refusesAnOutputPathThatIsAFile() throws Exception {
    Path out = Files.writeString(tmp.resolve("file.csv"), "x");
    var e =
        assertThrows(DatasetGenerationException.class, () -> DatasetGenerator.generate(SMALL, out));
    assertEquals(
        "Cannot write the dataset to "
            + out.toAbsolutePath()
            + ": it is a file, not a folder. Choose a folder path.",
        e.getMessage());
  }
}
