package org.quotient.engine.io;

import java.util.List;

/** The Delta tables Quotient publishes, in the order they are written ({@code plan_runs} last). */
public enum LakeTables {
  ACCOUNT_POTENTIAL("account_potential"),
  TERRITORY_ASSIGNMENTS("territory_assignments"),
  TERRITORY_SUMMARY("territory_summary"),
  QUOTAS("quotas"),
  /** Written last: a plan exists for readers only once its row is here. */
  PLAN_RUNS("plan_runs");

  public static final String PLAN_ID = "plan_id";

  private final String tableName;

  LakeTables(String tableName) {
    this.tableName = tableName;
  }

  public String tableName() {
    return tableName;
  }

  /** Data tables, written before plan_runs. */
  public static List<LakeTables> dataTables() {
    return List.of(ACCOUNT_POTENTIAL, TERRITORY_ASSIGNMENTS, TERRITORY_SUMMARY, QUOTAS);
  }
}
