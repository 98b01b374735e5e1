package org.quotient.engine.io;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quotient.engine.testing.SharedSpark;

class InputReaderTest {
  private final SparkSession spark = SharedSpark.session();
  @TempDir Path dir;

  @Test
  void rowNumbersCountDataRowsInFileOrderAcrossManyPartitions() throws Exception {
    StringBuilder csv = new StringBuilder("row_number,padding\n");
    for (int i = 1; i <= 5000; i++) {
      csv.append(i).append(",").append("x".repeat(i % 50)).append('\n');
    }
    Path file = Files.writeString(dir.resolve("rows.csv"), csv);
    String previous = spark.conf().get("spark.sql.files.maxPartitionBytes");
    spark.conf().set("spark.sql.files.maxPartitionBytes", "16k");
    try {
      Dataset<Row> table =
          InputReader.readRaw(
              spark, new InputSource("rows", file.toString(), "rows.csv", InputSource.Format.CSV));
      assertTrue(table.rdd().getNumPartitions() > 5, "the file is read in many partitions");
      InputReader.RowNumbers numbers = InputReader.rowNumbers(table);
      List<Row> rows =
          table
              .select(
                  col("row_number").cast("long"),
                  col(InputReader.RECORD_ID),
                  numbers.column(col(InputReader.RECORD_ID)))
              .collectAsList();
      assertEquals(5000, rows.size());
      for (Row r : rows) {
        assertEquals(r.getLong(0), numbers.rowOf(r.getLong(1)), "rowOf " + r);
        assertEquals(r.getLong(0), r.getLong(2), "the Spark expression " + r);
      }
    } finally {
      spark.conf().set("spark.sql.files.maxPartitionBytes", previous);
    }
  }
}
