package org.quotient.engine.io;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map_from_arrays;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.shiftrightunsigned;

import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.datasources.DataSource;

/**
 * Reads one input table as found, untyped for CSV (every column text, so that validation can name
 * the exact bad value), with a {@link #RECORD_ID} column that orders records as in the file.
 *
 * <p>Record ids are Spark's monotonically increasing ids (partition index in the upper bits, the
 * position within the partition below), which cost nothing to add. Only when a problem must be
 * reported are they turned into 1-based row numbers, by {@link #rowNumbers(Dataset)}.
 */
public final class InputReader {
  /** Record id: orders records in file order; see {@link #rowNumbers(Dataset)}. */
  public static final String RECORD_ID = "_rid";

  private static final int PARTITION_SHIFT = 33;
  private static final long POSITION_MASK = (1L << PARTITION_SHIFT) - 1;

  private InputReader() {}

  /**
   * A reader that takes each path literally. Spark otherwise expands glob characters, so a folder
   * named {@code in[1]} would silently read its neighbour {@code in1}.
   */
  public static DataFrameReader literalPaths(SparkSession spark) {
    return spark.read().option(DataSource.GLOB_PATHS_KEY(), "false");
  }

  public static Dataset<Row> readRaw(SparkSession spark, InputSource source) {
    Dataset<Row> table =
        switch (source.format()) {
          case CSV ->
              literalPaths(spark)
                  .option("header", "true")
                  .option("inferSchema", "false")
                  .option("encoding", "UTF-8")
                  .option("ignoreLeadingWhiteSpace", "true")
                  .option("ignoreTrailingWhiteSpace", "true")
                  .option("mode", "PERMISSIVE")
                  .csv(source.path());
          case PARQUET -> literalPaths(spark).parquet(source.path());
          case DELTA -> literalPaths(spark).format("delta").load(source.path());
        };
    return table.withColumn(RECORD_ID, monotonically_increasing_id());
  }

  /**
   * Turns record ids of {@code table} into 1-based row numbers (the header not counted; for a
   * single CSV file, line = row + 1). One small aggregation: records per partition.
   */
  public static RowNumbers rowNumbers(Dataset<Row> table) {
    TreeMap<Long, Long> perPartition = new TreeMap<>();
    for (Row r :
        table
            .groupBy(shiftrightunsigned(col(RECORD_ID), PARTITION_SHIFT).as("p"))
            .agg(count(lit(1)))
            .collectAsList()) {
      perPartition.put(r.getLong(0), r.getLong(1));
    }
    Map<Long, Long> offsets = new TreeMap<>();
    long before = 0;
    for (Map.Entry<Long, Long> e : perPartition.entrySet()) {
      offsets.put(e.getKey(), before);
      before += e.getValue();
    }
    return new RowNumbers(offsets);
  }

  /** Maps record ids of one table to row numbers: rows before the record's partition + position. */
  public static final class RowNumbers {
    private final Map<Long, Long> offsets;

    private RowNumbers(Map<Long, Long> offsets) {
      this.offsets = offsets;
    }

    public long rowOf(long recordId) {
      return offsets.getOrDefault(recordId >>> PARTITION_SHIFT, 0L)
          + (recordId & POSITION_MASK)
          + 1;
    }

    /** The same mapping as a Spark expression over a record-id column (a map of the offsets). */
    public Column column(Column recordId) {
      Column position = recordId.bitwiseAND(POSITION_MASK).plus(1L);
      if (offsets.isEmpty()) {
        return position;
      }
      Column offset =
          element_at(
              map_from_arrays(
                  array(offsets.keySet().stream().map(k -> lit(k)).toArray(Column[]::new)),
                  array(offsets.values().stream().map(v -> lit(v)).toArray(Column[]::new))),
              shiftrightunsigned(recordId, PARTITION_SHIFT));
      return coalesce(offset, lit(0L)).plus(position);
    }
  }
}
