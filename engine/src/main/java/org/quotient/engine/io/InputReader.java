package org.quotient.engine.io;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Reads one input table as found, untyped for CSV (every column text, so that validation can name
 * the exact bad value), with a 1-based {@link #ROW} column numbering the data rows in file order.
 */
public final class InputReader {
  /** 1-based data row number (header not counted). */
  public static final String ROW = "_row";

  private InputReader() {}

  public static Dataset<Row> readRaw(SparkSession spark, InputSource source) {
    Dataset<Row> table =
        switch (source.format()) {
          case CSV ->
              spark
                  .read()
                  .option("header", "true")
                  .option("inferSchema", "false")
                  .option("encoding", "UTF-8")
                  .option("ignoreLeadingWhiteSpace", "true")
                  .option("ignoreTrailingWhiteSpace", "true")
                  .option("mode", "PERMISSIVE")
                  .csv(source.path());
          case PARQUET -> spark.read().parquet(source.path());
          case DELTA -> spark.read().format("delta").load(source.path());
        };
    return withRowNumbers(spark, table);
  }

  /** Numbers rows in partition order, which for a single file is file order. */
  static Dataset<Row> withRowNumbers(SparkSession spark, Dataset<Row> table) {
    List<StructField> fields = new ArrayList<>(List.of(table.schema().fields()));
    fields.add(DataTypes.createStructField(ROW, DataTypes.LongType, false));
    StructType schema = new StructType(fields.toArray(StructField[]::new));
    int width = table.schema().fields().length;
    JavaRDD<Row> numbered =
        table
            .javaRDD()
            .zipWithIndex()
            .map(
                pair -> {
                  Object[] values = new Object[width + 1];
                  for (int i = 0; i < width; i++) {
                    values[i] = pair._1().get(i);
                  }
                  values[width] = pair._2() + 1;
                  return RowFactory.create(values);
                });
    return spark.createDataFrame(numbered, schema);
  }
}
