package org.quotient.optimizer.geo;

import java.util.List;
import java.util.Locale;

/**
 * Every error, warning and violation text of the geographic-unit mode, in one place. Each message
 * says what is wrong, where (file, line, column, value or unit) and how to fix it; tests assert the
 * exact text. Lines are file lines: the header is line 1, the first data row line 2.
 */
public final class GeoErrors {
  private GeoErrors() {}

  public static GeoException fileNotFound(String what, String path, String option) {
    return new GeoException(
        what + " file not found: " + path + "; pass an existing CSV file with " + option);
  }

  public static GeoException unreadableFile(String path, String reason) {
    return new GeoException("cannot read " + path + ": " + reason + "; check the file");
  }

  public static GeoException emptyFile(String file, String expectedHeader) {
    return new GeoException(
        file + " is empty; it needs a header row (" + expectedHeader + ") and one row per line");
  }

  public static GeoException missingColumn(String file, String column, List<String> header) {
    return new GeoException(
        file
            + ": no "
            + column
            + " column in the header "
            + header
            + "; name the column "
            + column
            + " (header names are case-sensitive)");
  }

  public static GeoException latWithoutLon(String file) {
    return new GeoException(
        file + ": the header has only one of lat and lon; give both columns or neither");
  }

  public static GeoException noBalanceMeasure(List<String> numericColumns) {
    return new GeoException(
        "no measure to balance; name one or more numeric columns with --balance (numeric columns"
            + " found: "
            + describeColumns(numericColumns)
            + ")");
  }

  public static GeoException unknownBalanceColumn(
      String file, String column, List<String> numericColumns) {
    return new GeoException(
        "--balance column '"
            + column
            + "' is not a numeric column of "
            + file
            + "; numeric columns found: "
            + describeColumns(numericColumns));
  }

  public static GeoException nonNumericMeasure(
      String file, long line, String column, String value) {
    return new GeoException(
        file
            + " line "
            + line
            + ", column "
            + column
            + ": '"
            + value
            + "' is not a number; balanced measures must be numbers >= 0 (no thousands"
            + " separators)");
  }

  public static GeoException invalidCoordinate(
      String file, long line, String column, String value) {
    return new GeoException(
        file
            + " line "
            + line
            + ", column "
            + column
            + ": '"
            + value
            + "' is not a valid "
            + column
            + " (decimal degrees, lat -90..90, lon -180..180); fix the value or leave both lat and"
            + " lon empty");
  }

  public static GeoException missingUnitId(String file, long line) {
    return new GeoException(file + " line " + line + ": unit_id is empty; give every unit an id");
  }

  public static GeoException noUnits(String file) {
    return new GeoException(file + " has no units; add one row per unit below the header");
  }

  public static GeoException duplicateUnit(String file, String unitId, long firstLine, long line) {
    return new GeoException(
        file
            + " line "
            + line
            + ": unit_id "
            + unitId
            + " already appears on line "
            + firstLine
            + "; list each unit once");
  }

  public static GeoException invalidMeasure(
      String file, long line, String unitId, String measure, double value) {
    return new GeoException(
        file
            + " line "
            + line
            + " (unit "
            + unitId
            + "), column "
            + measure
            + ": "
            + number(value)
            + " is not allowed; balanced measures must be numbers >= 0");
  }

  public static GeoException measureSumsToZero(String measure) {
    return new GeoException(
        "measure "
            + measure
            + " is 0 for every unit, so it cannot be balanced; choose another --balance column");
  }

  public static GeoException unknownUnitInEdge(
      String edgesFile, long line, String column, String unitId, String unitsFile) {
    return new GeoException(
        edgesFile
            + " line "
            + line
            + ": "
            + column
            + " "
            + unitId
            + " is not in "
            + unitsFile
            + "; fix the id or add the unit, or pass --ignore-unknown-edges to skip edges to"
            + " unknown units with a warning");
  }

  public static GeoException selfLoop(String edgesFile, long line, String unitId) {
    return new GeoException(
        edgesFile
            + " line "
            + line
            + ": unit "
            + unitId
            + " is listed as adjacent to itself; remove the row");
  }

  public static GeoException territoriesOutOfRange(int territories, int units) {
    return new GeoException(
        "--territories must be between 1 and the number of units ("
            + units
            + "), was "
            + territories);
  }

  public static GeoException toleranceOutOfRange(String value) {
    return new GeoException(
        "--tolerance must be above 0 and below 1 (a fraction like 0.005, or a percentage like"
            + " 0.5%), was "
            + value);
  }

  public static GeoException unknownObjective(String value) {
    return new GeoException("--objective must be cut-edges or compactness, was '" + value + "'");
  }

  public static GeoException compactnessNeedsLocations(
      String unitsFile, int withoutLocation, String exampleId) {
    return new GeoException(
        "compactness needs lat and lon for every unit, but "
            + withoutLocation
            + " unit(s) of "
            + unitsFile
            + " have none (e.g. "
            + exampleId
            + "); add lat,lon columns or use --objective cut-edges");
  }

  public static GeoException tooFewTerritoriesForParts(
      int parts, int territories, List<List<String>> examples) {
    StringBuilder text = new StringBuilder();
    text.append("the adjacency graph has ")
        .append(parts)
        .append(" separate parts but only ")
        .append(territories)
        .append(" territories were asked for; a territory must be connected, so every part needs")
        .append(" its own territory. Parts: ");
    for (int i = 0; i < examples.size(); i++) {
      if (i > 0) {
        text.append(", ");
      }
      text.append(describeUnits(examples.get(i)));
    }
    if (examples.size() < parts) {
      text.append(" and ").append(parts - examples.size()).append(" more");
    }
    text.append(
        ". Add the missing edges (an island needs an edge to the unit it belongs with), leave the"
            + " isolated units out, or raise --territories to at least "
            + parts);
    return new GeoException(text.toString());
  }

  /** Warning: edges to units missing from the units input were skipped as asked. */
  public static String skippedUnknownEdges(String edgesFile, int count, List<String> examples) {
    return "skipped "
        + count
        + " edge(s) of "
        + edgesFile
        + " naming a unit that is not in the units (--ignore-unknown-edges): "
        + String.join(", ", examples)
        + (count > examples.size() ? ", ..." : "");
  }

  /** Warning: units without any edge; each forms its own part of the graph. */
  public static String isolatedUnits(int count, List<String> examples) {
    return count
        + " unit(s) have no edge, so each needs a territory of its own: "
        + String.join(", ", examples)
        + (count > examples.size() ? ", ..." : "");
  }

  /** Violation: a territory falls apart into several pieces. */
  public static String territoryDisconnected(int territory, int pieces) {
    return "territory " + territory + " is in " + pieces + " disconnected pieces";
  }

  /** Violation: a territory has no unit. */
  public static String territoryEmpty(int territory) {
    return "territory " + territory + " has no units";
  }

  /** Violation: a measure of a territory lies outside the band around the mean. */
  public static String outsideBand(
      int territory, String measure, double total, double mean, double tolerance) {
    double deviation = (total - mean) / mean;
    return String.format(
        Locale.ROOT,
        "territory %d: %s %s is %+.2f%% from the mean %s (tolerance ±%s%%)",
        territory,
        measure,
        number(total),
        deviation * 100,
        number(mean),
        trim(tolerance * 100));
  }

  /** Why no plan can be feasible: one unit alone is above the band's upper limit. */
  public static String unitAboveBand(
      String unitId, String measure, double value, double mean, double tolerance) {
    return "unit "
        + unitId
        + " alone has "
        + measure
        + " "
        + number(value)
        + ", above the upper limit "
        + number(mean * (1 + tolerance))
        + " of every territory (mean "
        + number(mean)
        + " ±"
        + trim(tolerance * 100)
        + "%), so no plan can be feasible; use fewer territories or a wider tolerance";
  }

  private static String describeColumns(List<String> columns) {
    return columns.isEmpty() ? "none" : String.join(", ", columns);
  }

  private static String describeUnits(List<String> units) {
    int shown = Math.min(units.size(), 3);
    return "{"
        + String.join(", ", units.subList(0, shown))
        + (units.size() > shown ? ", ... " + units.size() + " units" : "")
        + "}";
  }

  static String number(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return String.format(Locale.US, "%,d", (long) value);
    }
    return String.format(Locale.US, "%,.2f", value);
  }

  private static String trim(double value) {
    return new java.math.BigDecimal(String.format(Locale.ROOT, "%.4f", value))
        .stripTrailingZeros()
        .toPlainString();
  }
}
