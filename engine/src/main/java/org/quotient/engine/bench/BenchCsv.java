package org.quotient.engine.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/** A benchmark's results file: one row per measurement, fixed columns, replaced atomically. */
public final class BenchCsv {
  private BenchCsv() {}

  /** The rows of the file (none if it does not exist); columns it lacks come back empty. */
  public static List<Map<String, String>> read(Path csv, List<String> columns) throws IOException {
    List<Map<String, String>> rows = new ArrayList<>();
    if (!Files.exists(csv)) {
      return rows;
    }
    try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
        CSVParser p = CSVFormat.DEFAULT.builder().setHeader().get().parse(in)) {
      for (CSVRecord r : p) {
        Map<String, String> row = new LinkedHashMap<>();
        for (String c : columns) {
          row.put(c, r.isMapped(c) ? r.get(c) : "");
        }
        rows.add(row);
      }
    }
    return rows;
  }

  /** Writes all rows to a temporary sibling, then moves it over the file. */
  public static void write(Path csv, List<String> columns, List<Map<String, String>> rows)
      throws IOException {
    Path tmp = csv.resolveSibling(csv.getFileName() + ".tmp");
    try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
        CSVPrinter out =
            new CSVPrinter(
                w,
                CSVFormat.DEFAULT
                    .builder()
                    .setHeader(columns.toArray(String[]::new))
                    .setRecordSeparator("\n")
                    .get())) {
      for (Map<String, String> r : rows) {
        List<String> values = new ArrayList<>();
        for (String c : columns) {
          values.add(r.getOrDefault(c, ""));
        }
        out.printRecord(values);
      }
    }
    Files.move(tmp, csv, StandardCopyOption.REPLACE_EXISTING);
  }
}
