package org.quotient.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.quotient.engine.cli.QuotientCli;
import org.quotient.engine.testing.ConsoleCapture;
import org.quotient.engine.testing.InputFixture;
import org.quotient.engine.testing.SharedSpark;

class CsvExportTest {
  private static final String INJECTION = "=cmd|' /C calc'!A0";

  @RegisterExtension final ConsoleCapture console = new ConsoleCapture();
  @TempDir Path dir;

  @Test
  void neutralizesEveryCellASpreadsheetWouldRunAsAFormula() {
    for (String formula : List.of(INJECTION, "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1")) {
      assertEquals("'" + formula, CsvExport.neutralize(formula), formula);
    }
    for (String plain : List.of("A0001", "Acme = Beta", "rep 1", "")) {
      assertEquals(plain, CsvExport.neutralize(plain), plain);
    }
    assertNull(CsvExport.neutralize(null));
  }

  @Test
  void writesOneSpreadsheetSafeFileAndLeavesNumbersAlone() throws Exception {
    SparkSession spark = SharedSpark.session();
    StructType schema =
        new StructType()
            .add("id", DataTypes.StringType, true)
            .add("amount", DataTypes.DoubleType, true);
    Dataset<Row> table =
        spark.createDataFrame(
            List.of(
                RowFactory.create(INJECTION, -5.0),
                RowFactory.create("@evil", 1.5),
                RowFactory.create("plain", 2.0)),
            schema);
    String file =
        CsvExport.write(
            table,
            dir.resolve("export").toString(),
            "things",
            spark.sparkContext().hadoopConfiguration());

    assertEquals(dir.resolve("export").resolve("things.csv").toString(), file);
    Map<String, String> amountById = new java.util.HashMap<>();
    for (CSVRecord r : read(Path.of(file))) {
      amountById.put(r.get("id"), r.get("amount"));
    }
    assertEquals(Map.of("'" + INJECTION, "-5.0", "'@evil", "1.5", "plain", "2.0"), amountById);
    try (var listing = Files.list(dir.resolve("export"))) {
      assertEquals(List.of("things.csv"), listing.map(p -> p.getFileName().toString()).toList());
    }
  }

  @Test
  void aPlanExportsItsTablesWithAnInjectedAccountIdNeutralized() throws Exception {
    SharedSpark.session();
    Path input =
        new InputFixture()
            .replace("accounts.csv", "A4,Delta", INJECTION + ",Delta")
            .writeTo(dir.resolve("input"));
    Path export = dir.resolve("export");
    int code =
        QuotientCli.execute(
            "plan",
            "--input",
            input.toString(),
            "--lake",
            dir.resolve("lake").toString(),
            "--target",
            "2000000",
            "--model-weight",
            "0",
            "--as-of",
            "2026-01-01",
            "--master",
            "local[2]",
            "--export-csv",
            export.toString());
    assertEquals(0, code, console.stderr() + console.stdout());
    List<String> accounts = new ArrayList<>();
    for (CSVRecord r : read(export.resolve("territory_assignments.csv"))) {
      accounts.add(r.get("account_id"));
    }
    assertTrue(accounts.contains("'" + INJECTION), accounts.toString());
    assertFalse(accounts.contains(INJECTION), accounts.toString());
    assertEquals(3, read(export.resolve("quotas.csv")).size());
    assertEquals(3, read(export.resolve("territory_summary.csv")).size());
    assertTrue(console.stdout().contains("exported "), console.stdout());
  }

  private static List<CSVRecord> read(Path file) throws Exception {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser p = CSVFormat.DEFAULT.builder().setHeader().get().parse(in)) {
      return p.getRecords();
    }
  }
}
