package org.quotient.datasets;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The one place where the datasets module builds its error messages. */
final class DatasetErrors {
  private DatasetErrors() {}

  static IllegalArgumentException invalidSetting(String name, long value, String rule) {
    return new IllegalArgumentException(
        "Invalid generator setting " + name + "=" + value + ": " + name + " " + rule + ".");
  }

  static DatasetGenerationException foreignOutputDir(Path outDir, List<String> unexpected) {
    String reason =
        unexpected.isEmpty()
            ? "no accounts.csv"
            : "unexpected entries: " + String.join(", ", unexpected);
    return new DatasetGenerationException(
        "Refusing to overwrite "
            + outDir
            + ": it is not empty and does not look like a previous generator output ("
            + reason
            + "). Choose an empty or new folder, or remove it first.");
  }

  static DatasetGenerationException outDirIsFile(Path outDir) {
    return new DatasetGenerationException(
        "Cannot write the dataset to "
            + outDir
            + ": it is a file, not a folder. Choose a folder path.");
  }

  static DatasetGenerationException outDirIsRoot(Path outDir) {
    return new DatasetGenerationException(
        "Cannot write the dataset to "
            + outDir
            + ": a file system root cannot be replaced atomically. Choose a folder inside it.");
  }

  static DatasetGenerationException ioFailure(Path where, IOException e) {
    return new DatasetGenerationException(
        "Could not write the dataset at "
            + where
            + ": "
            + e.getMessage()
            + ". Nothing was replaced.",
        e);
  }

  static DatasetGenerationException missingResource(String resource) {
    return new DatasetGenerationException(
        "Missing classpath resource "
            + resource
            + "; the quotient-datasets jar is incomplete. Rebuild it with mvn package.");
  }
}
