package org.quotient.engine.transform;

import java.sql.Date;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.quotient.engine.schema.InputSchema;
import org.quotient.engine.testing.SharedSpark;

/** Hand-built rows of the input contract for transform tests. */
final class Fixtures {
  private Fixtures() {}

  static SparkSession spark() {
    return SharedSpark.session();
  }

  static Date date(String iso) {
    return iso == null ? null : Date.valueOf(iso);
  }

  static Dataset<Row> table(InputSchema schema, Row... rows) {
    return spark().createDataFrame(Arrays.asList(rows), schema.sparkType());
  }

  static Dataset<Row> table(StructType type, Row... rows) {
    return spark().createDataFrame(Arrays.asList(rows), type);
  }

  static Row account(String id, String segment, Long employees) {
    return RowFactory.create(
        id,
        "Account " + id,
        null,
        segment,
        "software",
        employees,
        1_000_000.0,
        null,
        null,
        null,
        null,
        null);
  }

  static Row opportunity(
      String id,
      String accountId,
      String repId,
      String created,
      String close,
      double amount,
      String stage) {
    return RowFactory.create(id, accountId, repId, date(created), date(close), amount, stage, null);
  }

  static Row rep(String id, String hireDate) {
    return RowFactory.create(
        id, "Rep " + id, "enterprise", null, null, 1.0, date(hireDate), null, null, null);
  }

  static Row quotaPeriod(String repId, String start, String end, double quota, Double bookings) {
    return RowFactory.create(repId, date(start), date(end), quota, bookings);
  }

  /** The output type of {@link RepAttainment#perPeriod}, for feeding RepHistory directly. */
  static final StructType ATTAINMENT =
      new StructType()
          .add(RepAttainment.REP_ID, DataTypes.StringType)
          .add(RepAttainment.PERIOD_START, DataTypes.DateType)
          .add(RepAttainment.PERIOD_END, DataTypes.DateType)
          .add(RepAttainment.QUOTA, DataTypes.DoubleType)
          .add(RepAttainment.BOOKINGS, DataTypes.DoubleType)
          .add(RepAttainment.ATTAINMENT, DataTypes.DoubleType);

  static Row attainment(
      String repId, String start, String end, double quota, double bookings, Double attainment) {
    return RowFactory.create(repId, date(start), date(end), quota, bookings, attainment);
  }

  /** Collects a small result keyed by one string column, failing on duplicate keys. */
  static Map<String, Row> byKey(Dataset<Row> result, String keyColumn) {
    List<Row> rows = result.collectAsList();
    return rows.stream().collect(Collectors.toMap(r -> r.getAs(keyColumn), Function.identity()));
  }
}
