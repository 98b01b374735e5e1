package org.quotient.engine.model;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log1p;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The regression's columns: intercept, log employees, log revenue, a dummy and two slopes per
 * segment beyond the first, and a dummy per industry beyond the first. Levels are sorted, so the
 * same data always gives the same columns.
 */
final class DesignMatrix {
  private final Map<String, Column> columns;

  private DesignMatrix(Map<String, Column> columns) {
    this.columns = columns;
  }

  static DesignMatrix of(List<String> segments, List<String> industries) {
    Map<String, Column> columns = new LinkedHashMap<>();
    Column logEmployees =
        log1p(greatest(coalesce(col("employees").cast("double"), lit(0.0)), lit(0.0)));
    Column logRevenue = log1p(greatest(coalesce(col("annual_revenue"), lit(0.0)), lit(0.0)));
    columns.put("x_intercept", lit(1.0));
    columns.put("x_log_employees", logEmployees);
    columns.put("x_log_revenue", logRevenue);
    for (String segment : segments.subList(Math.min(1, segments.size()), segments.size())) {
      Column in = when(col("segment").equalTo(segment), lit(1.0)).otherwise(lit(0.0));
      columns.put("x_segment_" + segment, in);
      columns.put("x_segment_" + segment + "_x_log_employees", in.multiply(logEmployees));
      columns.put("x_segment_" + segment + "_x_log_revenue", in.multiply(logRevenue));
    }
    for (String industry : industries.subList(Math.min(1, industries.size()), industries.size())) {
      columns.put(
          "x_industry_" + industry,
          when(col("industry").equalTo(industry), lit(1.0)).otherwise(lit(0.0)));
    }
    return new DesignMatrix(columns);
  }

  int size() {
    return columns.size();
  }

  String name(int index) {
    return new ArrayList<>(columns.keySet()).get(index);
  }

  Dataset<Row> addColumns(Dataset<Row> rows) {
    Dataset<Row> out = rows;
    for (Map.Entry<String, Column> e : columns.entrySet()) {
      out = out.withColumn(e.getKey(), e.getValue());
    }
    return out;
  }
}
