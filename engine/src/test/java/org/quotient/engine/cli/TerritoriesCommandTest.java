package org.quotient.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.quotient.engine.testing.ConsoleCapture;

/** {@code quotient territories} end to end on CSV files; no Spark is started. */
class TerritoriesCommandTest {
  @RegisterExtension final ConsoleCapture console = new ConsoleCapture();
  @TempDir Path dir;

  /** Iowa's 99 counties (unit_id, lat, lon, population) and their adjacency, as a user has them. */
  private void writeIowa(Path units, Path edges) throws IOException {
    List<String> unitLines = new ArrayList<>(List.of("unit_id,name,lat,lon,population"));
    Set<String> iowa = new HashSet<>();
    for (String line : resourceLines("/us_counties/counties_2019_geo_pop.csv")) {
      String[] f = line.split(",");
      if (f[1].equals("IA")) {
        iowa.add(f[0]);
        unitLines.add(String.join(",", f[0], f[2], f[3], f[4], f[8]));
      }
    }
    List<String> edgeLines = new ArrayList<>(List.of("unit_a,unit_b"));
    for (String line : resourceLines("/us_counties/county_adjacency_edges.csv")) {
      String[] f = line.split(",");
      String a = f[0];
      // name_a is quoted and holds a comma: fips_b is the 4th field.
      String b = f[3];
      if (iowa.contains(a) && iowa.contains(b)) {
        edgeLines.add(a + "," + b);
      }
    }
    Files.write(units, unitLines);
    Files.write(edges, edgeLines);
  }

  private static List<String> resourceLines(String resource) throws IOException {
    try (InputStream in = TerritoriesCommandTest.class.getResourceAsStream(resource)) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      List<String> lines = new ArrayList<>(List.of(text.split("\n")));
      lines.remove(0);
      return lines;
    }
  }

  private int territories(Path units, Path edges, Path assignments, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "territories",
                "--units",
                units.toString(),
                "--adjacency",
                edges.toString(),
                "--out",
                assignments.toString()));
    args.addAll(List.of(extra));
    return QuotientCli.execute(args.toArray(String[]::new));
  }

  private static Map<String, Integer> readAssignments(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file);
    assertEquals("unit_id,territory", lines.get(0));
    Map<String, Integer> territoryOf = new HashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      territoryOf.put(f[0], Integer.parseInt(f[1]));
    }
    return territoryOf;
  }

  @Test
  void helpNamesEveryOptionAndTheExitCodes() {
    assertEquals(0, QuotientCli.execute("territories", "--help"));

    for (String option :
        List.of(
            "--units",
            "--adjacency",
            "--territories",
            "--balance",
            "--tolerance",
            "--objective",
            "--seed",
            "--time-limit",
            "--ignore-unknown-edges",
            "--out")) {
      assertTrue(console.stdout().contains(option), option + ": " + console.stdout());
    }
    assertTrue(console.stdout().contains("Exit codes:"), console.stdout());
  }

  @Test
  void splitsIowaIntoFourBalancedTerritoriesAndWritesEveryUnit() throws IOException {
    Path units = dir.resolve("units.csv");
    Path edges = dir.resolve("edges.csv");
    Path assignments = dir.resolve("plan/assignments.csv");
    writeIowa(units, edges);

    int code =
        territories(
            units,
            edges,
            assignments,
            "--territories",
            "4",
            "--balance",
            "population",
            "--tolerance",
            "0.5%");

    assertEquals(0, code, console.stderr());
    Map<String, Integer> territoryOf = readAssignments(assignments);
    assertEquals(99, territoryOf.size());
    assertEquals(Set.of(0, 1, 2, 3), new HashSet<>(territoryOf.values()));
    assertTrue(
        console.stdout().contains("territories: K=4, 99 units, objective cut-edges"),
        console.stdout());
    assertTrue(console.stdout().contains("feasible:     yes"), console.stdout());
    assertTrue(console.stdout().contains("population: max deviation"), console.stdout());
    assertTrue(console.stdout().contains("(tolerance ±0.5%) ok"), console.stdout());
    try (var files = Files.list(assignments.getParent())) {
      assertEquals(1, files.count(), "no temporary file is left behind");
    }
  }

  @Test
  void writesBestPlanAndExitsThreeWhenInfeasible() throws IOException {
    Path units = dir.resolve("units.csv");
    Path edges = dir.resolve("edges.csv");
    Path assignments = dir.resolve("assignments.csv");
    // A star: the hub alone holds 90 of 100, so two territories cannot be within ±10%.
    Files.write(units, List.of("unit_id,accounts", "hub,90", "a,5", "b,5"));
    Files.write(edges, List.of("unit_a,unit_b", "hub,a", "hub,b"));

    int code =
        territories(
            units,
            edges,
            assignments,
            "--territories",
            "2",
            "--balance",
            "accounts",
            "--tolerance",
            "0.1");

    assertEquals(3, code);
    assertEquals(3, readAssignments(assignments).size());
    assertTrue(console.stdout().contains("feasible:     no"), console.stdout());
    assertTrue(
        console
            .stderr()
            .contains("error: no feasible plan found; the best plan found was written to "),
        console.stderr());
    assertTrue(
        console.stderr().contains("  - unit hub alone has accounts 90, above the upper limit 55"),
        console.stderr());
    assertTrue(console.stderr().contains("  - territory "), console.stderr());
    assertTrue(console.stdout().contains("compactness:  unavailable (some units have no lat/lon)"));
  }

  @Test
  void aUnitIdThatASpreadsheetWouldRunIsWrittenNeutralized() throws IOException {
    Path units = dir.resolve("units.csv");
    Path edges = dir.resolve("edges.csv");
    Path assignments = dir.resolve("assignments.csv");
    Files.write(units, List.of("unit_id,accounts", "\"=cmd|' /C calc'!A0\",5", "b,5"));
    Files.write(edges, List.of("unit_a,unit_b", "\"=cmd|' /C calc'!A0\",b"));

    int code =
        territories(
            units,
            edges,
            assignments,
            "--territories",
            "2",
            "--balance",
            "accounts",
            "--tolerance",
            "0.1");

    assertEquals(0, code, console.stderr());
    assertEquals(
        java.util.Set.of("'=cmd|' /C calc'!A0", "b"), readAssignments(assignments).keySet());
  }

  @Test
  void rejectsNonNumericMeasure() throws IOException {
    Path units = dir.resolve("units.csv");
    Path edges = dir.resolve("edges.csv");
    Files.write(units, List.of("unit_id,accounts", "a,5", "b,five", "c,5"));
    Files.write(edges, List.of("unit_a,unit_b", "a,b", "b,c"));

    int code =
        territories(
            units,
            edges,
            dir.resolve("out.csv"),
            "--territories",
            "2",
            "--balance",
            "accounts",
            "--tolerance",
            "0.1");

    assertEquals(2, code);
    assertEquals(
        "error: "
            + units
            + " line 3, column accounts: 'five' is not a number; balanced measures must be numbers"
            + " >= 0 (no thousands separators)",
        console.stderr().trim());
    assertFalse(Files.exists(dir.resolve("out.csv")));
  }

  @Test
  void rejectsUnknownBalanceColumnListingTheNumericColumns() throws IOException {
    Path units = dir.resolve("units.csv");
    Path edges = dir.resolve("edges.csv");
    Files.write(
        units,
        List.of("unit_id,name,lat,lon,accounts,revenue", "a,A,41,-93,5,10", "b,B,41,-92,5,20"));
    Files.write(edges, List.of("unit_a,unit_b", "a,b"));

    int code =
        territories(
            units,
            edges,
            dir.resolve("out.csv"),
            "--territories",
            "2",
            "--balance",
            "population",
            "--tolerance",
            "0.1");

    assertEquals(2, code);
    assertEquals(
        "error: --balance column 'population' is not a numeric column of "
            + units
            + "; numeric columns found: accounts, revenue",
        console.stderr().trim());
  }

  @Test
  void rejectsEdgeToUnknownUnit() throws IOException {
    Path units = dir.resolve("units.csv");
    Path edges = dir.resolve("edges.csv");
    Files.write(units, List.of("unit_id,accounts", "a,5", "b,5"));
    Files.write(edges, List.of("unit_a,unit_b", "a,b", "x,b"));

    int code =
        territories(
            units,
            edges,
            dir.resolve("out.csv"),
            "--territories",
            "2",
            "--balance",
            "accounts",
            "--tolerance",
            "0.1");

    assertEquals(2, code);
    assertEquals(
        "error: "
            + edges
            + " line 3: unit_a x is not in "
            + units
            + "; fix the id or add the unit, or pass --ignore-unknown-edges to skip edges to"
            + " unknown units with a warning",
        console.stderr().trim());
  }

  @Test
  void rejectsMissingUnitIdColumnAndMissingFile() throws IOException {
    Path units = dir.resolve("units.csv");
    Path edges = dir.resolve("edges.csv");
    Files.write(units, List.of("id,accounts", "a,5"));
    Files.write(edges, List.of("unit_a,unit_b"));

    assertEquals(
        2,
        territories(
            units,
            edges,
            dir.resolve("out.csv"),
            "--territories",
            "1",
            "--balance",
            "accounts",
            "--tolerance",
            "0.1"));
    assertEquals(
        "error: "
            + units
            + ": no unit_id column in the header [id, accounts]; name the column unit_id (header"
            + " names are case-sensitive)",
        console.stderr().trim());

    console.reset();
    Path missing = dir.resolve("missing.csv");
    assertEquals(
        2,
        territories(
            missing,
            edges,
            dir.resolve("out.csv"),
            "--territories",
            "1",
            "--balance",
            "accounts",
            "--tolerance",
            "0.1"));
    assertEquals(
        "error: units file not found: " + missing + "; pass an existing CSV file with --units",
        console.stderr().trim());
  }

  @Test
  void rejectsToleranceOutsideZeroToOne() throws IOException {
    Path units = dir.resolve("units.csv");
    Path edges = dir.resolve("edges.csv");
    Files.write(units, List.of("unit_id,accounts", "a,5", "b,5"));
    Files.write(edges, List.of("unit_a,unit_b", "a,b"));

    int code =
        territories(
            units,
            edges,
            dir.resolve("out.csv"),
            "--territories",
            "2",
            "--balance",
            "accounts",
            "--tolerance",
            "5");

    assertEquals(2, code);
    assertEquals(
        "error: --tolerance must be above 0 and below 1 (a fraction like 0.005, or a percentage"
            + " like 0.5%), was 5",
        console.stderr().trim());
  }
}
