package org.quotient.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.quotient.engine.testing.ConsoleCapture;
import org.quotient.engine.testing.InputFixture;
import org.quotient.engine.testing.PlanArgs;
import org.quotient.engine.testing.SharedSpark;

/**
 * {@code plan --quarantine-bad-rows}: history rows with problems go to rejected_rows, not a stop.
 */
class QuarantineBadRowsTest {
  private static final String TWO_BAD_OPPORTUNITIES =
      "O5,A4,R3,2025-08-01,2025-09-01,NaN,won,addon\n"
          + "O6,A9,R3,2025-08-01,2025-09-01,5000,won,addon\n";

  private final SparkSession spark = SharedSpark.session();
  @RegisterExtension final ConsoleCapture console = new ConsoleCapture();
  @TempDir Path dir;

  private int plan(InputFixture input, Path lake, String... options) {
    List<String> more = new ArrayList<>(List.of("--plan-id", "p1"));
    more.addAll(List.of(options));
    return QuotientCli.execute(
        PlanArgs.quickPlan(input.writeTo(dir.resolve("input")), lake, more.toArray(String[]::new)));
  }

  private Dataset<Row> table(Path lake, String name) {
    return spark.read().format("delta").load(lake.resolve(name).toString());
  }

  @Test
  void badHistoryRowsAreSetAsideWithTheirProblemAndThePlanIsMadeWithoutThem() {
    Path lake = dir.resolve("lake");
    InputFixture input =
        new InputFixture()
            .with("opportunities.csv", InputFixture.OPPORTUNITIES + TWO_BAD_OPPORTUNITIES);

    int code = plan(input, lake, "--quarantine-bad-rows", "--max-rejected-percent", "40");

    assertEquals(0, code, console.stderr());
    assertTrue(
        console.stdout().contains("rejected rows    2 input row(s) set aside"), console.stdout());
    assertTrue(
        console.stdout().contains("2 row(s) with 2 problem(s) set aside in rejected_rows; 4 rows"),
        console.stdout());
    List<Row> rejected =
        table(lake, "rejected_rows")
            .select("plan_id", "file", "row", "column", "value", "problem", "record")
            .orderBy("row")
            .collectAsList();
    assertEquals(2, rejected.size(), rejected.toString());
    assertEquals("p1", rejected.get(0).getString(0));
    assertEquals("opportunities.csv", rejected.get(0).getString(1));
    assertEquals(5L, rejected.get(0).getLong(2), "row numbers count data rows from 1");
    assertEquals("amount", rejected.get(0).getString(3));
    assertEquals("NaN", rejected.get(0).getString(4));
    assertEquals("the number is not finite", rejected.get(0).getString(5));
    assertTrue(
        rejected.get(0).getString(6).contains("\"opportunity_id\":\"O5\""),
        "the row as given: " + rejected.get(0).getString(6));
    assertEquals(6L, rejected.get(1).getLong(2));
    assertEquals("account_id", rejected.get(1).getString(3));
    assertEquals("no such id in accounts.csv", rejected.get(1).getString(5));
    Row run = table(lake, "plan_runs").select("opportunities", "parameters").first();
    assertEquals(4L, run.getLong(0), "plan_runs counts the opportunities planned with");
    assertTrue(
        run.getString(1).contains("quarantine=max 40.0% of a file's rows"), run.getString(1));
    assertTrue(
        readReport(lake).contains("(2 row(s) with problems set aside in rejected_rows)"),
        "the report says so too");
  }

  private static String readReport(Path lake) {
    try {
      return java.nio.file.Files.readString(lake.resolve("reports").resolve("p1.html"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void republishingAPlanWhoseInputWasFixedClearsItsRejectedRows() {
    Path lake = dir.resolve("lake");
    InputFixture spoilt =
        new InputFixture()
            .with("opportunities.csv", InputFixture.OPPORTUNITIES + TWO_BAD_OPPORTUNITIES);
    assertEquals(0, plan(spoilt, lake, "--quarantine-bad-rows", "--max-rejected-percent", "40"));
    assertEquals(2, table(lake, "rejected_rows").where("plan_id = 'p1'").count());

    assertEquals(0, plan(new InputFixture(), lake, "--quarantine-bad-rows"), console.stderr());

    assertEquals(0, table(lake, "rejected_rows").where("plan_id = 'p1'").count());
  }

  @Test
  void aPlanWithNothingToSetAsideCreatesNoRejectedRowsTable() {
    Path lake = dir.resolve("lake");
    assertEquals(0, plan(new InputFixture(), lake, "--quarantine-bad-rows"), console.stderr());
    assertTrue(java.nio.file.Files.exists(lake.resolve("quotas")));
    assertTrue(!java.nio.file.Files.exists(lake.resolve("rejected_rows")));
    assertTrue(!console.stdout().contains("rejected rows"), console.stdout());
  }
}
