package org.quotient.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.quotient.engine.QuotientException;
import org.quotient.engine.testing.ConsoleCapture;
import org.quotient.engine.testing.InputFixture;
import org.quotient.engine.testing.SharedSpark;

/**
 * The bad-input suite: each case is one small spoiled input, run through {@code quotient plan} as a
 * user would. Each must exit non-zero with one clear message and publish nothing. The cases and
 * their messages are listed in engine/BAD_INPUTS.md.
 */
class BadInputSuiteTest {
  private static final int INPUT = QuotientException.EXIT_INPUT;
  private static final int INFEASIBLE = QuotientException.EXIT_INFEASIBLE;
  private static final int LAKE = QuotientException.EXIT_PUBLISH;

  /**
   * One bad input: how to spoil the fixture (and the lake), extra CLI options, the exit code and a
   * fragment of the message that must appear.
   */
  record Case(
      String name,
      Function<Path, InputFixture> input,
      LakeSetup lake,
      List<String> options,
      int exitCode,
      String message) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** Prepares the lake folder before the run (e.g. puts a foreign table there). */
  interface LakeSetup {
    void prepare(Path lake) throws IOException;
  }

  private static Case input(
      String name, Function<InputFixture, InputFixture> spoil, String message) {
    return new Case(
        name, dir -> spoil.apply(new InputFixture()), lake -> {}, List.of(), INPUT, message);
  }

  private static Case run(
      String name,
      Function<InputFixture, InputFixture> spoil,
      List<String> options,
      int code,
      String message) {
    return new Case(
        name, dir -> spoil.apply(new InputFixture()), lake -> {}, options, code, message);
  }

  private static Case lake(String name, LakeSetup setup, String message) {
    return new Case(
        name, dir -> new InputFixture(), setup, List.of("--model-weight", "0"), LAKE, message);
  }

  static final String ACCOUNTS = "accounts.csv";
  static final String REPS = "reps.csv";
  static final String OPPORTUNITIES = "opportunities.csv";
  static final String QUOTAS = "quota_history.csv";

  static Stream<Case> cases() {
    String longName = "x".repeat(1200);
    return Stream.of(
        input("missing reps file", f -> f.without(REPS), "Input reps not found in"),
        input(
            "empty accounts file (0 bytes)",
            f -> f.with(ACCOUNTS, ""),
            "accounts.csv: the file is empty (no header row)"),
        input(
            "header-only opportunities",
            f ->
                f.with(
                    OPPORTUNITIES,
                    "opportunity_id,account_id,rep_id,created_date,close_date,amount,stage,product\n"),
            "opportunities.csv: the file has a header but no rows"),
        input(
            "missing required column",
            f ->
                f.with(
                    ACCOUNTS,
                    InputFixture.ACCOUNTS
                        .replace(",segment", "")
                        .replaceAll(",(enterprise|smb),", ",")),
            "required column 'segment' is missing"),
        input(
            "misspelt column",
            f -> f.replace(ACCOUNTS, "employees,", "employes,"),
            "Fix: rename column 'employes' to 'employees'"),
        input(
            "text in a whole-number column",
            f -> f.replace(ACCOUNTS, "5000,", "5k,"),
            "accounts.csv row 1, column employees, value '5k': not a whole number"),
        input(
            "NaN amount",
            f -> f.replace(OPPORTUNITIES, "120000", "NaN"),
            "opportunities.csv row 1, column amount, value 'NaN': the number is not finite"),
        input(
            "infinite revenue",
            f -> f.replace(ACCOUNTS, "900000000", "Infinity"),
            "accounts.csv row 1, column annual_revenue, value 'Infinity': the number is not finite"),
        input(
            "negative amount",
            f -> f.replace(OPPORTUNITIES, "80000", "-80000"),
            "opportunities.csv row 2, column amount, value '-80000': a negative value"),
        input(
            "unparseable date",
            f -> f.replace(OPPORTUNITIES, "2025-03-01", "03/01/2025"),
            "opportunities.csv row 1, column close_date, value '03/01/2025': not a date"),
        input(
            "date out of range",
            f -> f.replace(REPS, "2019-04-01", "2919-04-01"),
            "reps.csv row 1, column hire_date, value '2919-04-01': the date is out of range"),
        input(
            "duplicate account id",
            f -> f.replace(ACCOUNTS, "A4,Delta", "A3,Delta"),
            "accounts.csv row 4, column account_id, value 'A3': the key appears more than once"),
        input(
            "duplicate quota period",
            f -> f.replace(QUOTAS, "R3,2025-01-01", "R1,2025-01-01"),
            "quota_history.csv row 2, column rep_id,period_start, value 'R1/2025-01-01': the key"
                + " appears more than once"),
        input(
            "opportunity for an unknown account",
            f -> f.replace(OPPORTUNITIES, "O3,A3", "O3,A9"),
            "opportunities.csv row 3, column account_id, value 'A9': no such id in accounts.csv"),
        input(
            "opportunity for an unknown rep",
            f -> f.replace(OPPORTUNITIES, "A3,R3,2025-06-01", "A3,R7,2025-06-01"),
            "opportunities.csv row 3, column rep_id, value 'R7': no such id in reps.csv"),
        input(
            "account owned by an unknown rep",
            f -> f.replace(ACCOUNTS, "06037,R3", "06037,R8"),
            "accounts.csv row 3, column current_rep_id, value 'R8': no such id in reps.csv"),
        input(
            "unknown parent account",
            f -> f.replace(ACCOUNTS, "Beta,A1", "Beta,A0"),
            "accounts.csv row 2, column parent_account_id, value 'A0': no such id in accounts.csv"),
        input(
            "rep with zero capacity",
            f -> f.replace(REPS, "1.0,2025-10-01", "0,2025-10-01"),
            "reps.csv row 2, column capacity, value '0': capacity must be greater than 0"),
        input(
            "rep with negative capacity",
            f -> f.replace(REPS, "0.5,2021", "-0.5,2021"),
            "reps.csv row 3, column capacity, value '-0.5': capacity must be greater than 0"),
        input(
            "latitude out of range",
            f -> f.replace(ACCOUNTS, "41.88,-87.63", "141.88,-87.63"),
            "accounts.csv row 1, column lat, value '141.88': latitude out of range -90..90"),
        input(
            "only one coordinate",
            f -> f.replace(REPS, "34.00,-118.20", "34.00,"),
            "reps.csv row 3, column home_lon, value '34.00': only one of home_lat and home_lon is given"),
        input(
            "some accounts without coordinates",
            f -> f.replace(ACCOUNTS, "47.61,-122.33", ","),
            "accounts.csv row 4, column lat,lon, value (empty): coordinates are missing while 3 of 4"),
        input(
            "segment no rep covers",
            f -> f.replace(ACCOUNTS, "Delta,,smb", "Delta,,midmarket"),
            "value 'midmarket': no active rep covers this segment"),
        input(
            "lock to a rep of another segment",
            f -> f.replace(ACCOUNTS, "R1,R1", "R1,R3"),
            "accounts.csv row 2, column locked_rep_id, value 'R3': the account is locked to a rep of"
                + " another segment"),
        input(
            "lock to a rep who left",
            f -> f.replace(REPS, "M1,Central,true", "M1,Central,false"),
            "the account is locked to a rep who is not active"),
        input(
            "unknown stage",
            f -> f.replace(OPPORTUNITIES, "lost,core", "maybe,core"),
            "opportunities.csv row 2, column stage, value 'maybe': unknown stage"),
        input(
            "closes before it was created",
            f -> f.replace(OPPORTUNITIES, "2025-07-15", "2025-05-15"),
            "opportunities.csv row 3, column close_date, value '2025-05-15': close_date is before"
                + " created_date"),
        input(
            "quota period ends before it starts",
            f -> f.replace(QUOTAS, "R3,2025-01-01,2025-12-31", "R3,2025-01-01,2024-12-31"),
            "period_end is not after period_start"),
        input(
            "text that is not UTF-8",
            f -> f.replace(ACCOUNTS, "Gamma", "Gamm\u00e4"),
            "accounts.csv row 3, column name, value 'Gamm\uFFFD': the text is not valid UTF-8"),
        input(
            "very long text",
            f -> f.replace(ACCOUNTS, "Gamma", longName),
            "accounts.csv row 3, column name, value 'xxxxxxxx"),
        input(
            "a table given twice",
            f -> f.with("reps/part.csv", InputFixture.REPS),
            "Input reps is ambiguous"),
        run(
            "more bad history rows than --max-rejected-percent",
            f -> f.replace(OPPORTUNITIES, "120000", "NaN"),
            List.of("--quarantine-bad-rows"),
            INPUT,
            "1 of 4 rows of opportunities.csv (25.00%) have problems, more than the 5%"
                + " --max-rejected-percent lets --quarantine-bad-rows set aside"),
        run(
            "a bad account row with --quarantine-bad-rows",
            f -> f.replace(ACCOUNTS, "5000,", "5k,"),
            List.of("--quarantine-bad-rows"),
            INPUT,
            "(--quarantine-bad-rows sets aside only opportunity and quota-history rows;"),
        run(
            "--max-rejected-percent without --quarantine-bad-rows",
            f -> f,
            List.of("--max-rejected-percent", "10"),
            INPUT,
            "it applies only with --quarantine-bad-rows"),
        run(
            "target of zero",
            f -> f,
            List.of("--target", "0"),
            INPUT,
            "Option --target has an invalid value '0'"),
        run(
            "negative target",
            f -> f,
            List.of("--target", "-100"),
            INPUT,
            "Option --target has an invalid value '-100'"),
        run(
            "too little history for the potential model",
            f -> f,
            List.of("--model-weight", "0.8"),
            INPUT,
            "The potential model needs at least 30 accounts with opportunity history"),
        run(
            "more locked workload than a rep can hold",
            f -> f.replace(ACCOUNTS, "17031,R1,", "17031,R1,R1"),
            List.of("--model-weight", "0"),
            INFEASIBLE,
            "R1"),
        run(
            "quota caps that cannot meet the target",
            f -> f,
            List.of("--model-weight", "0", "--as-of", "2026-01-01", "--target", "1000"),
            INFEASIBLE,
            "cannot be met"),
        run(
            "export to S3 without Hadoop's S3A connector",
            f -> f,
            List.of("--model-weight", "0", "--export-csv", "s3a://bucket/plans"),
            INPUT,
            "Option --export-csv has 's3a://bucket/plans', but no Hadoop file system for 's3a:'"),
        run(
            "report URI with an unknown scheme",
            f -> f,
            List.of("--model-weight", "0", "--report", "foo://host/report.html"),
            INPUT,
            "no Hadoop file system for 'foo:' is on the classpath"),
        lake(
            "lake path that is a file",
            lake -> Files.writeString(lake, "not a lake"),
            "is a file, not a folder"),
        lake(
            "foreign Delta table of the same name",
            lake ->
                SharedSpark.session()
                    .createDataFrame(
                        List.of(RowFactory.create("x")),
                        new StructType().add("owner", DataTypes.StringType))
                    .write()
                    .format("delta")
                    .save(lake.resolve("plan_runs").toString()),
            "is a Delta table but not a Quotient one (missing column(s) plan_id)"),
        lake(
            "folder that is not a Delta table",
            lake -> {
              Files.createDirectories(lake.resolve("quotas"));
              Files.writeString(lake.resolve("quotas/quotas.csv"), "rep_id,quota\n");
            },
            "exists but is not a Delta table"),
        lake(
            "corrupt Delta log",
            lake -> {
              Path log = lake.resolve("quotas/_delta_log");
              Files.createDirectories(log);
              Files.writeString(log.resolve("00000000000000000000.json"), "{this is not json");
            },
            "cannot be read as a Delta table"));
  }

  @RegisterExtension final ConsoleCapture console = new ConsoleCapture();
  @TempDir Path dir;

  @BeforeEach
  void startSpark() {
    SharedSpark.session();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void failsClearlyAndPublishesNothing(Case c) throws IOException {
    Path input = c.input().apply(dir).writeTo(dir.resolve("input"));
    if (c.name().equals("text that is not UTF-8")) {
      // Re-encode the accounts as Latin-1: the 'a' umlaut becomes one byte that is not UTF-8.
      Path accounts = input.resolve(ACCOUNTS);
      Files.write(accounts, Files.readString(accounts).getBytes(StandardCharsets.ISO_8859_1));
    }
    Path lake = dir.resolve("lake");
    c.lake().prepare(lake);
    List<String> beforeLake = listing(lake);

    List<String> args =
        new ArrayList<>(
            List.of(
                "plan",
                "--input",
                input.toString(),
                "--lake",
                lake.toString(),
                "--master",
                "local[2]"));
    if (!c.options().contains("--target")) {
      args.addAll(List.of("--target", "2000000"));
    }
    args.addAll(c.options());
    int code = QuotientCli.execute(args.toArray(String[]::new));

    String stderr = console.stderr();
    assertEquals(c.exitCode(), code, stderr);
    assertTrue(stderr.contains(c.message()), "expected '" + c.message() + "' in:\n" + stderr);
    assertEquals(1, stderr.split("error: ", -1).length - 1, "one error message:\n" + stderr);
    assertFalse(stderr.contains("\tat "), "no stack trace:\n" + stderr);
    assertEquals(beforeLake, listing(lake), "the lake is unchanged");
    dumpForDocs(c, code, stderr);
  }

  /** With -Dbadinputs.dump=FILE, appends each case's message as a Markdown row (for the docs). */
  private static void dumpForDocs(Case c, int code, String stderr) throws IOException {
    String file = System.getProperty("badinputs.dump");
    if (file != null) {
      String message =
          stderr
              .substring(stderr.indexOf("error: ") + 7)
              .strip()
              .replace("\n", "<br>")
              .replace("|", "\\|");
      Files.writeString(
          Path.of(file),
          "| " + c.name() + " | " + code + " | " + message + " |\n",
          StandardCharsets.UTF_8,
          java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
    }
  }

  @Test
  void everyCaseIsDocumented() throws IOException {
    String doc = Files.readString(Path.of("BAD_INPUTS.md"));
    cases()
        .forEach(
            c -> assertTrue(doc.contains("| " + c.name() + " |"), c.name() + " in BAD_INPUTS.md"));
    assertTrue(cases().count() >= 30);
  }

  private static List<String> listing(Path path) {
    if (!Files.exists(path)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(path)) {
      return files.map(path::relativize).map(Path::toString).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
