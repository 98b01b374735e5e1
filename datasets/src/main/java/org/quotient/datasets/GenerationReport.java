package org.quotient.datasets;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link DatasetGenerator#generate} wrote.
 *
 * @param outDir the output folder
 * @param rowCounts data rows (header excluded) per file, keyed by the path relative to {@code
 *     outDir} ({@code accounts.csv}, ..., {@code ground_truth/true_potential.csv}), in writing
 *     order
 * @param files every file written, absolute, in writing order
 */
public record GenerationReport(Path outDir, Map<String, Long> rowCounts, List<Path> files) {

  public GenerationReport {
    rowCounts = Collections.unmodifiableMap(new LinkedHashMap<>(rowCounts));
    files = List.copyOf(files);
  }

  /** Data rows written to {@code file} (a path relative to the output folder, e.g. "reps.csv"). */
  public long rows(String file) {
    Long n = rowCounts.get(file);
    if (n == null) {
      throw new IllegalArgumentException(
          "No file " + file + " in this report; files: " + rowCounts.keySet());
    }
    return n;
  }
}
