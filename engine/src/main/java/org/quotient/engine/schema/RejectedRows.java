package org.quotient.engine.schema;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Input rows set aside by a {@link Quarantine}: one row per problem found, with the input row as
 * the file gave it, so it can be fixed and fed back.
 *
 * @param problems columns as {@link #SCHEMA}; empty when nothing was set aside
 * @param rows how many input rows were set aside (a row may have several problems)
 */
public record RejectedRows(Dataset<Row> problems, long rows) {
  public static final StructType SCHEMA =
      new StructType()
          .add("file", DataTypes.StringType)
          .add("row", DataTypes.LongType)
          .add("column", DataTypes.StringType)
          .add("value", DataTypes.StringType)
          .add("problem", DataTypes.StringType)
          .add("fix", DataTypes.StringType)
          .add("record", DataTypes.StringType);
}
