package org.quotient.datasets;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Test helper: reads a generated CSV file into header and rows. */
final class Csv {
  private Csv() {}

  static List<String> header(Path file) throws IOException {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser p = CSVFormat.DEFAULT.builder().setHeader().get().parse(in)) {
      return p.getHeaderNames();
    }
  }

  static List<Map<String, String>> rows(Path file) throws IOException {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser p = CSVFormat.DEFAULT.builder().setHeader().get().parse(in)) {
      List<Map<String, String>> rows = new ArrayList<>();
      for (CSVRecord r : p) {
        rows.add(r.toMap());
      }
      return rows;
    }
  }
}
