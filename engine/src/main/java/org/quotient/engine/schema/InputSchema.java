package org.quotient.engine.schema;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The input contract, in one place: every input table, its columns, their types, which are required
 * and which form the key. Ingest validates against this and hands the rest of the engine Datasets
 * with exactly these column names and types.
 */
public enum InputSchema {
  ACCOUNTS(
      "accounts",
      List.of("account_id"),
      new Column("account_id", StringType, true, "unique account key"),
      new Column("name", StringType, true, "account name"),
      new Column("parent_account_id", StringType, false, "parent account (families)"),
      new Column("segment", StringType, true, "market segment, e.g. enterprise"),
      new Column("industry", StringType, true, "industry label"),
      new Column("employees", LongType, true, "head count, >= 0"),
      new Column("annual_revenue", DoubleType, true, "annual revenue, >= 0"),
      new Column("lat", DoubleType, false, "latitude, -90..90"),
      new Column("lon", DoubleType, false, "longitude, -180..180"),
      new Column("county_fips", StringType, false, "5-digit county FIPS code"),
      new Column("current_rep_id", StringType, false, "today's owner (a rep_id)"),
      new Column("locked_rep_id", StringType, false, "rep the account must stay with")),
  REPS(
      "reps",
      List.of("rep_id"),
      new Column("rep_id", StringType, true, "unique rep key"),
      new Column("name", StringType, true, "rep name"),
      new Column("segment", StringType, true, "segment the rep sells to"),
      new Column("home_lat", DoubleType, false, "latitude of the rep's base"),
      new Column("home_lon", DoubleType, false, "longitude of the rep's base"),
      new Column("capacity", DoubleType, true, "full-time equivalents, > 0"),
      new Column("hire_date", DateType, false, "ISO date the rep started"),
      new Column("manager_id", StringType, false, "manager's rep_id or name"),
      new Column("region", StringType, false, "sales region"),
      new Column("active", BooleanType, false, "false for reps who left (default true)")),
  OPPORTUNITIES(
      "opportunities",
      List.of("opportunity_id"),
      new Column("opportunity_id", StringType, true, "unique opportunity key"),
      new Column("account_id", StringType, true, "an account_id from accounts"),
      new Column("rep_id", StringType, true, "a rep_id from reps"),
      new Column("created_date", DateType, true, "ISO date"),
      new Column("close_date", DateType, false, "ISO date; empty while open"),
      new Column("amount", DoubleType, true, "deal value, >= 0"),
      new Column("stage", StringType, true, "won, lost or open"),
      new Column("product", StringType, false, "product line")),
  QUOTA_HISTORY(
      "quota_history",
      List.of("rep_id", "period_start"),
      new Column("rep_id", StringType, true, "a rep_id from reps"),
      new Column("period_start", DateType, true, "ISO date"),
      new Column("period_end", DateType, true, "ISO date, after period_start"),
      new Column("quota", DoubleType, true, "quota for the period, >= 0"),
      new Column("bookings", DoubleType, false, "bookings credited in the period, >= 0"));

  /** One column of the contract. */
  public record Column(String name, DataType type, boolean required, String meaning) {}

  private final String fileName;
  private final List<String> key;
  private final List<Column> columns;

  InputSchema(String fileName, List<String> key, Column... columns) {
    this.fileName = fileName;
    this.key = key;
    this.columns = List.of(columns);
  }

  /** Base name of the input (accounts, reps, ...), without extension. */
  public String fileName() {
    return fileName;
  }

  public List<String> key() {
    return key;
  }

  public List<Column> columns() {
    return columns;
  }

  /** The Spark schema of the validated Dataset (all columns, optional ones nullable). */
  public StructType sparkType() {
    return new StructType(
        columns.stream()
            .map(c -> new StructField(c.name(), c.type(), true, Metadata.empty()))
            .toArray(StructField[]::new));
  }
}
