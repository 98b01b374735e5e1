package org.quotient.engine.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quotient.engine.testing.ChildCli;
import org.quotient.engine.testing.InputFixture;
import org.quotient.engine.testing.PlanArgs;
import org.quotient.engine.testing.SharedSpark;

/**
 * Whole runs in a child JVM, with Spark, Delta and Quotient logging at INFO (more than the WARN a
 * user gets): nothing a run prints may carry input rows. Every name, product and industry in the
 * input carries a marker; a validation message may show the one offending value, never the rest of
 * its row, and nothing else may show any of it.
 */
class LogsHoldNoInputRowsTest {
  private static final String MARK = "PRIVATE";

  @TempDir Path dir;

  /** The fixture with the marker in every free-text column (names, industry, product). */
  private static InputFixture markedInput() {
    String accounts = InputFixture.ACCOUNTS;
    for (String text : List.of("Acme", "Beta", "Gamma", "Delta", "software", "retail")) {
      accounts = accounts.replace(text + ",", text + MARK + ",");
    }
    String reps = InputFixture.REPS;
    for (String name : List.of("Rita", "Raj", "Rosa")) {
      reps = reps.replace(name + ",", name + MARK + ",");
    }
    String opportunities =
        InputFixture.OPPORTUNITIES
                .replace(",core\n", ",core" + MARK + "\n")
                .replace(",addon\n", ",addon" + MARK + "\n")
            // a row set aside by quarantine: its other fields must not reach the log either
            + "O5,A4,R3,2025-08-01,2025-09-01,NaN,won,service"
            + MARK
            + "\n";
    return new InputFixture()
        .with("accounts.csv", accounts)
        .with("reps.csv", reps)
        .with("opportunities.csv", opportunities);
  }

  private String run(String name, int expectedExit, InputFixture input, String... options)
      throws Exception {
    Path log4j = dir.resolve("log4j2-info.properties");
    Files.writeString(
        log4j,
        String.join(
            "\n",
            "rootLogger.level = info",
            "rootLogger.appenderRef.stderr.ref = console",
            "appender.console.type = Console",
            "appender.console.name = console",
            "appender.console.target = SYSTEM_ERR",
            "appender.console.layout.type = PatternLayout",
            "appender.console.layout.pattern = %d{HH:mm:ss} %p %c{1}: %m%n%ex",
            ""));
    Path output = dir.resolve(name + ".log");
    String[] args =
        PlanArgs.quickPlan(
            input.writeTo(dir.resolve(name + "-input")), dir.resolve(name + "-lake"), options);
    Process process =
        ChildCli.start(output, List.of("-Dlog4j2.configurationFile=" + log4j.toUri()), args);
    assertTrue(process.waitFor(5, TimeUnit.MINUTES), "the run finished");
    String log = Files.readString(output);
    assertEquals(expectedExit, process.exitValue(), log);
    return log;
  }

  /** The stages under test really logged at INFO (not just Spark's start-up). */
  private static void assertInfoLinesAfter(String log, String stage) {
    int at = log.indexOf(stage);
    assertTrue(at >= 0, stage + " in:\n" + log);
    assertTrue(log.substring(at).contains(" INFO "), "INFO lines after " + stage);
  }

  @Test
  void aRunThatPublishesAndSetsARowAsideLogsNoInputText() throws Exception {
    String log =
        run("published", 0, markedInput(), "--quarantine-bad-rows", "--max-rejected-percent", "40");

    assertTrue(log.contains("1 row(s) with 1 problem(s) set aside"), log);
    assertInfoLinesAfter(log, "[7/7] publish");
    assertFalse(log.contains(MARK), "input text in the log:\n" + linesWith(log));
    // the marked text did reach the run: the row set aside is kept whole in the lake
    String record =
        SharedSpark.session()
            .read()
            .format("delta")
            .load(dir.resolve("published-lake").resolve("rejected_rows").toString())
            .first()
            .getAs("record");
    assertTrue(record.contains("service" + MARK), record);
  }

  @Test
  void aRunStoppedByABadValueShowsThatValueAlone() throws Exception {
    String log = run("rejected", 2, markedInput().replace("accounts.csv", "5000,", "5k,"));

    assertTrue(log.contains("accounts.csv row 1, column employees, value '5k'"), log);
    assertInfoLinesAfter(log, "[1/7] ingest");
    assertFalse(log.contains(MARK), "input text in the log:\n" + linesWith(log));
  }

  private static String linesWith(String log) {
    return String.join("\n", log.lines().filter(line -> line.contains(MARK)).limit(20).toList());
  }
}
