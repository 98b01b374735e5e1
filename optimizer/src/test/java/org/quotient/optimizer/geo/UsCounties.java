package org.quotient.optimizer.geo;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Real geography for tests: US counties (location, land area, 2010 and 2019 population) and their
 * adjacency, from the quotient-datasets resources.
 */
final class UsCounties {
  static final String COUNTIES = "/us_counties/counties_2019_geo_pop.csv";
  static final String ADJACENCY = "/us_counties/county_adjacency_edges.csv";

  private UsCounties() {}

  /** The counties whose state passes the filter, with the given columns as measures. */
  static List<GeoUnit> units(Predicate<String> state, String... measureColumns) {
    List<GeoUnit> units = new ArrayList<>();
    for (CSVRecord row : read(COUNTIES)) {
      if (!state.test(row.get("state")) || row.get("pop_est2019").isEmpty()) {
        continue;
      }
      double[] measures = new double[measureColumns.length];
      for (int m = 0; m < measureColumns.length; m++) {
        measures[m] = Double.parseDouble(row.get(measureColumns[m]));
      }
      GeoPoint location =
          new GeoPoint(Double.parseDouble(row.get("lat")), Double.parseDouble(row.get("lon")));
      units.add(new GeoUnit(row.get("fips"), location, measures));
    }
    return units;
  }

  /**
   * The adjacency pairs with both counties among the units (cross-state pairs included), with the
   * 2010 codes of the adjacency file mapped to their 2019 successors (SOURCE.md): 02270 Wade
   * Hampton is 02158 Kusilvak, 46113 Shannon is 46102 Oglala Lakota, and 51515 Bedford city merged
   * into 51019 Bedford County.
   */
  static List<GeoEdge> edgesAmong(List<GeoUnit> units) {
    Set<String> ids = new HashSet<>();
    units.forEach(unit -> ids.add(unit.id()));
    List<GeoEdge> edges = new ArrayList<>();
    for (CSVRecord row : read(ADJACENCY)) {
      String a = successor(row.get("fips_a"));
      String b = successor(row.get("fips_b"));
      if (ids.contains(a) && ids.contains(b) && !a.equals(b)) {
        edges.add(new GeoEdge(a, b));
      }
    }
    return edges;
  }

  private static String successor(String fips2010) {
    switch (fips2010) {
      case "02270":
        return "02158";
      case "46113":
        return "46102";
      case "51515":
        return "51019";
      default:
        return fips2010;
    }
  }

  /** Every adjacency row of the Census file whose first county passes the filter. */
  static List<GeoEdge> edgesFrom(Predicate<String> fipsA) {
    List<GeoEdge> edges = new ArrayList<>();
    for (CSVRecord row : read(ADJACENCY)) {
      if (fipsA.test(row.get("fips_a"))) {
        edges.add(new GeoEdge(row.get("fips_a"), row.get("fips_b")));
      }
    }
    return edges;
  }

  static GeoProblem problem(
      List<GeoUnit> units,
      List<String> measures,
      int territories,
      double tolerance,
      GeoObjective objective) {
    return new GeoProblem(
        "units.csv",
        units,
        "edges.csv",
        edgesAmong(units),
        measures,
        territories,
        tolerance,
        objective);
  }

  private static List<CSVRecord> read(String resource) {
    try (Reader reader =
        new InputStreamReader(
            UsCounties.class.getResourceAsStream(resource), StandardCharsets.UTF_8)) {
      return CSVFormat.DEFAULT
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .get()
          .parse(reader)
          .getRecords();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
