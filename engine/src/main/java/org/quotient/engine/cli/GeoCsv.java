package org.quotient.engine.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.quotient.optimizer.geo.GeoAssignment;
import org.quotient.optimizer.geo.GeoEdge;
import org.quotient.optimizer.geo.GeoErrors;
import org.quotient.optimizer.geo.GeoPlan;
import org.quotient.optimizer.geo.GeoPoint;
import org.quotient.optimizer.geo.GeoUnit;

/**
 * The CSV files of {@code quotient territories}: reads units (unit_id, optional lat and lon,
 * numeric measure columns) and edges (unit_a, unit_b) into plain records for the optimizer, and
 * writes the assignments atomically. Every problem is reported with file, line, column and value
 * ({@link GeoErrors}); the header is line 1.
 */
final class GeoCsv {
  static final String UNIT_ID = "unit_id";

  private GeoCsv() {}

  /** The units with the balanced measures, in file order. */
  static List<GeoUnit> readUnits(Path file, List<String> balance) {
    String name = file.toString();
    Table table = read(file, "units", "--units", "unit_id, optional lat and lon, measure columns");
    if (!table.header.contains(UNIT_ID)) {
      throw GeoErrors.missingColumn(name, UNIT_ID, table.header);
    }
    boolean hasLat = table.header.contains("lat");
    boolean hasLon = table.header.contains("lon");
    if (hasLat != hasLon) {
      throw GeoErrors.latWithoutLon(name);
    }
    if (balance.isEmpty()) {
      throw GeoErrors.noBalanceMeasure(numericColumns(table));
    }
    for (String column : balance) {
      if (!table.header.contains(column)
          || column.equals(UNIT_ID)
          || column.equals("lat")
          || column.equals("lon")) {
        throw GeoErrors.unknownBalanceColumn(name, column, numericColumns(table));
      }
    }
    List<GeoUnit> units = new ArrayList<>();
    Map<String, Long> firstLine = new HashMap<>();
    for (int r = 0; r < table.rows.size(); r++) {
      CSVRecord row = table.rows.get(r);
      long line = r + 2L;
      String id = value(row, UNIT_ID);
      if (id.isEmpty()) {
        throw GeoErrors.missingUnitId(name, line);
      }
      Long seen = firstLine.putIfAbsent(id, line);
      if (seen != null) {
        throw GeoErrors.duplicateUnit(name, id, seen, line);
      }
      double[] measures = new double[balance.size()];
      for (int m = 0; m < balance.size(); m++) {
        String column = balance.get(m);
        String text = value(row, column);
        Double value = parse(text);
        if (value == null) {
          throw GeoErrors.nonNumericMeasure(name, line, column, text);
        }
        if (value < 0) {
          throw GeoErrors.invalidMeasure(name, line, id, column, value);
        }
        measures[m] = value;
      }
      GeoPoint location = null;
      if (hasLat) {
        String lat = value(row, "lat");
        String lon = value(row, "lon");
        if (!lat.isEmpty() || !lon.isEmpty()) {
          Double latValue = parse(lat);
          if (latValue == null || latValue < -90 || latValue > 90) {
            throw GeoErrors.invalidCoordinate(name, line, "lat", lat);
          }
          Double lonValue = parse(lon);
          if (lonValue == null || lonValue < -180 || lonValue > 180) {
            throw GeoErrors.invalidCoordinate(name, line, "lon", lon);
          }
          location = new GeoPoint(latValue, lonValue);
        }
      }
      units.add(new GeoUnit(id, location, measures));
    }
    if (units.isEmpty()) {
      throw GeoErrors.noUnits(name);
    }
    return units;
  }

  /** The adjacent pairs, in file order (line i+2 is element i). */
  static List<GeoEdge> readEdges(Path file) {
    String name = file.toString();
    Table table = read(file, "adjacency", "--adjacency", "unit_a, unit_b");
    for (String column : List.of("unit_a", "unit_b")) {
      if (!table.header.contains(column)) {
        throw GeoErrors.missingColumn(name, column, table.header);
      }
    }
    List<GeoEdge> edges = new ArrayList<>();
    for (CSVRecord row : table.rows) {
      edges.add(new GeoEdge(value(row, "unit_a"), value(row, "unit_b")));
    }
    return edges;
  }

  /** Writes unit_id,territory for every unit to a temporary file, then moves it into place. */
  static void writeAssignments(GeoPlan plan, Path out) {
    try {
      Path target = out.toAbsolutePath();
      Files.createDirectories(target.getParent());
      Path temporary =
          Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".tmp");
      try {
        try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8);
            CSVPrinter printer =
                CSVFormat.DEFAULT
                    .builder()
                    .setHeader(UNIT_ID, "territory")
                    .setRecordSeparator('\n')
                    .get()
                    .print(writer)) {
          for (GeoAssignment assignment : plan.assignments()) {
            // unit ids come from the user's file: keep a spreadsheet from running them
            printer.printRecord(
                org.quotient.engine.io.CsvExport.neutralize(assignment.unitId()),
                assignment.territory());
          }
        }
        try {
          Files.move(
              temporary,
              target,
              StandardCopyOption.ATOMIC_MOVE,
              StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(temporary);
      }
    } catch (IOException e) {
      throw GeoErrors.unreadableFile(out.toString(), "cannot write: " + e.getMessage());
    }
  }

  private record Table(List<String> header, List<CSVRecord> rows) {}

  private static Table read(Path file, String what, String option, String expectedHeader) {
    if (!Files.isRegularFile(file)) {
      throw GeoErrors.fileNotFound(what, file.toString(), option);
    }
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser =
            CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setTrim(true)
                .setIgnoreEmptyLines(true)
                .get()
                .parse(reader)) {
      List<String> header = new ArrayList<>();
      for (String column : parser.getHeaderNames()) {
        header.add(column.replace("\uFEFF", "").trim());
      }
      if (header.isEmpty()) {
        throw GeoErrors.emptyFile(file.toString(), expectedHeader);
      }
      List<CSVRecord> rows = parser.getRecords();
      return new Table(header, rows);
    } catch (IOException | IllegalArgumentException | IllegalStateException e) {
      throw GeoErrors.unreadableFile(file.toString(), String.valueOf(e.getMessage()));
    }
  }

  /** Columns (other than unit_id, lat, lon) whose every value is a number. */
  private static List<String> numericColumns(Table table) {
    List<String> numeric = new ArrayList<>();
    for (String column : table.header) {
      if (column.equals(UNIT_ID) || column.equals("lat") || column.equals("lon")) {
        continue;
      }
      boolean all = !table.rows.isEmpty();
      for (CSVRecord row : table.rows) {
        if (parse(value(row, column)) == null) {
          all = false;
          break;
        }
      }
      if (all) {
        numeric.add(column);
      }
    }
    return numeric;
  }

  /** The trimmed value of a column, empty when the row is shorter than the header. */
  private static String value(CSVRecord row, String column) {
    return row.isSet(column) ? row.get(column).trim() : "";
  }

  private static Double parse(String text) {
    if (text.isEmpty()) {
      return null;
    }
    try {
      double value = Double.parseDouble(text);
      return Double.isFinite(value) ? value : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
