package org.quotient.engine.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quotient.engine.QuotientException;
import org.quotient.engine.io.InputLocator;
import org.quotient.engine.testing.InputFixture;
import org.quotient.engine.testing.SharedSpark;

class InputValidatorTest {
  private final SparkSession spark = SharedSpark.session();
  @TempDir Path dir;

  private ValidatedInputs validate(InputFixture fixture) {
    fixture.writeTo(dir);
    return new InputValidator(spark)
        .validate(new InputLocator(dir.toString(), spark.sparkContext().hadoopConfiguration()));
  }

  private String failure(InputFixture fixture) {
    QuotientException e = assertThrows(QuotientException.class, () -> validate(fixture));
    assertEquals(QuotientException.EXIT_INPUT, e.exitCode());
    return e.getMessage();
  }

  @Test
  void acceptsValidInputsAndTypesEveryColumn() {
    ValidatedInputs inputs = validate(new InputFixture());
    assertEquals(4, inputs.accountRows());
    assertEquals(3, inputs.repRows());
    assertEquals(4, inputs.opportunityRows());
    assertEquals(2, inputs.quotaHistoryRows());
    assertTrue(inputs.accountsHaveLocations());
    assertEquals(
        InputSchema.ACCOUNTS.sparkType().fieldNames().length, inputs.accounts().columns().length);
    assertEquals(
        5000L,
        (long) inputs.accounts().where("account_id = 'A1'").first().<Long>getAs("employees"));
  }

  @Test
  void readsParquetAndDeltaInputsLikeCsv() {
    Path csv = new InputFixture().writeTo(dir.resolve("csv"));
    Path mixed = dir.resolve("mixed");
    for (String table : new String[] {"accounts", "reps", "opportunities", "quota_history"}) {
      var rows = spark.read().option("header", "true").csv(csv.resolve(table + ".csv").toString());
      if (table.equals("reps")) {
        rows.write().format("delta").save(mixed.resolve(table).toString());
      } else {
        rows.write().parquet(mixed.resolve(table + ".parquet").toString());
      }
    }
    ValidatedInputs inputs =
        new InputValidator(spark)
            .validate(
                new InputLocator(mixed.toString(), spark.sparkContext().hadoopConfiguration()));
    assertEquals(4, inputs.accountRows());
    assertEquals(3, inputs.repRows());
    assertEquals(
        0.5, (double) inputs.reps().where("rep_id = 'R3'").first().<Double>getAs("capacity"));
  }

  @Test
  void reportsBadValueInADeltaInputByRecordNumber() {
    Path csv =
        new InputFixture().replace("reps.csv", "0.5,2021", "-1,2021").writeTo(dir.resolve("csv"));
    Path mixed = dir.resolve("mixed");
    for (String table : new String[] {"accounts", "opportunities"}) {
      spark
          .read()
          .option("header", "true")
          .csv(csv.resolve(table + ".csv").toString())
          .write()
          .parquet(mixed.resolve(table + ".parquet").toString());
    }
    spark
        .read()
        .option("header", "true")
        .csv(csv.resolve("reps.csv").toString())
        .coalesce(1)
        .write()
        .format("delta")
        .save(mixed.resolve("reps").toString());
    QuotientException e =
        assertThrows(
            QuotientException.class,
            () ->
                new InputValidator(spark)
                    .validate(
                        new InputLocator(
                            mixed.toString(), spark.sparkContext().hadoopConfiguration())));
    assertTrue(
        e.getMessage()
            .contains(
                "reps/ row 3, column capacity, value '-1': capacity must be" + " greater than 0"),
        e.getMessage());
  }

  @Test
  void reportsMisspeltColumnWithTheRename() {
    String message = failure(new InputFixture().replace("accounts.csv", "employees,", "employes,"));
    assertEquals(
        "Input validation failed with 1 problem(s); nothing was published.\n"
            + "  - accounts.csv, column employees: required column 'employees' is missing"
            + " (columns found: account_id, name, parent_account_id, segment, industry, employes,"
            + " annual_revenue, lat, lon, county_fips, current_rep_id, locked_rep_id)."
            + " Fix: rename column 'employes' to 'employees'",
        message);
  }

  @Test
  void reportsBadNumberWithRowColumnAndValue() {
    String message = failure(new InputFixture().replace("opportunities.csv", "120000", "120,000"));
    // CSV splits 120,000 into two fields: amount becomes 120 and stage becomes '000'.
    assertTrue(
        message.contains(
            "opportunities.csv row 1, column stage, value '000': unknown stage."
                + " Fix: use one of won, lost, open"),
        message);
  }

  @Test
  void reportsTextInANumericColumn() {
    String message = failure(new InputFixture().replace("accounts.csv", "5000,", "lots,"));
    assertTrue(
        message.contains(
            "accounts.csv row 1, column employees, value 'lots': not a whole"
                + " number. Fix: write a whole number such as 250, without separators or decimals"),
        message);
  }

  @Test
  void reportsNegativeAmount() {
    String message = failure(new InputFixture().replace("opportunities.csv", "80000", "-80000"));
    assertTrue(
        message.contains(
            "opportunities.csv row 2, column amount, value '-80000': a negative"
                + " value. Fix: write an amount of 0 or more"),
        message);
  }

  @Test
  void reportsDuplicateAccountIdOnEveryCopy() {
    String message = failure(new InputFixture().replace("accounts.csv", "A4,Delta", "A3,Delta"));
    assertTrue(
        message.contains(
            "accounts.csv row 3, column account_id, value 'A3': the key appears"
                + " more than once"),
        message);
    assertTrue(message.contains("accounts.csv row 4, column account_id, value 'A3'"), message);
  }

  @Test
  void reportsOpportunityOfUnknownRep() {
    String message =
        failure(
            new InputFixture()
                .replace("opportunities.csv", "A3,R3,2025-06-01", "A3,R9,2025-06-01"));
    assertTrue(
        message.contains(
            "opportunities.csv row 3, column rep_id, value 'R9': no such id in"
                + " reps.csv. Fix: add the rep to reps.csv (active=false for reps who left)"),
        message);
  }

  @Test
  void reportsAccountWithoutCoordinatesWhenOthersHaveThem() {
    String message = failure(new InputFixture().replace("accounts.csv", "47.61,-122.33", ","));
    assertTrue(
        message.contains(
            "accounts.csv row 4, column lat,lon, value (empty): coordinates are"
                + " missing while 3 of 4 rows have them"),
        message);
  }

  @Test
  void acceptsAccountsWithoutAnyCoordinatesAndSaysTravelIsSkipped() {
    String noCoordinates = InputFixture.ACCOUNTS.replaceAll(",-?\\d+\\.\\d+,-?\\d+\\.\\d+,", ",,,");
    ValidatedInputs inputs = validate(new InputFixture().with("accounts.csv", noCoordinates));
    assertFalse(inputs.accountsHaveLocations());
    assertTrue(
        inputs
            .notes()
            .contains("no coordinates on accounts: travel distance is not optimised or reported"));
  }

  @Test
  void reportsLockToRepOfAnotherSegment() {
    String message = failure(new InputFixture().replace("accounts.csv", "R1,R1", "R1,R3"));
    assertTrue(
        message.contains(
            "accounts.csv row 2, column locked_rep_id, value 'R3': the account is"
                + " locked to a rep of another segment"),
        message);
  }

  @Test
  void reportsSegmentThatNoRepCovers() {
    String message =
        failure(new InputFixture().replace("accounts.csv", "Delta,,smb", "Delta,,midmarket"));
    assertTrue(
        message.contains(
            "accounts.csv row 4, column segment, value 'midmarket': no active rep"
                + " covers this segment (1 account(s), first at this row)"),
        message);
  }

  @Test
  void reportsMissingFileWithWhereItLooked() {
    fixtureWithout("reps.csv");
    QuotientException e =
        assertThrows(
            QuotientException.class,
            () ->
                new InputValidator(spark)
                    .validate(
                        new InputLocator(
                            dir.toString(), spark.sparkContext().hadoopConfiguration())));
    assertEquals(
        "Input reps not found in "
            + dir
            + ": looked for reps.csv, reps.parquet and a"
            + " Delta or Parquet folder reps/. Fix: export the reps table under one of those names.",
        e.getMessage());
  }

  @Test
  void reportsHeaderOnlyFile() {
    String message =
        failure(
            new InputFixture()
                .with(
                    "opportunities.csv",
                    "opportunity_id,account_id,rep_id,created_date,close_date,amount,stage,product\n"));
    assertTrue(message.contains("opportunities.csv: the file has a header but no rows"), message);
  }

  @Test
  void reportsUnparseableDate() {
    String message = failure(new InputFixture().replace("reps.csv", "2019-04-01", "04/01/2019"));
    assertTrue(
        message.contains(
            "reps.csv row 1, column hire_date, value '04/01/2019': not a date."
                + " Fix: write the date as YYYY-MM-DD, e.g. 2025-03-31"),
        message);
  }

  private void fixtureWithout(String file) {
    new InputFixture().without(file).writeTo(dir);
  }
}
