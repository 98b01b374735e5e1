package org.quotient.engine.io;

import java.util.List;

/** The Delta tables Quotient publishes, in the order they are written ({@code plan_runs} last). */
public enum LakeTables {
  ACCOUNT_POTENTIAL("account_potential"),
  TERRITORY_ASSIGNMENTS("territory_assignments"),
  TERRITORY_SUMMARY("territory_summary"),
  QUOTAS("quotas"),
  /**
   * Input rows set aside by {@code --quarantine-bad-rows}, with the problem found in each.
   * Optional: written only when a plan has rejected rows or the lake already has the table.
   */
  REJECTED_ROWS("rejected_rows"),
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

  /** True for a table a plan may leave out (it is created when first needed). */
  public boolean optional() {
    return this == REJECTED_ROWS;
  }

  /** Data tables every plan has, written before plan_runs. */
  public static List<LakeTables> dataTables() {
    return List.of(ACCOUNT_POTENTIAL, TERRITORY_ASSIGNMENTS, TERRITORY_SUMMARY, QUOTAS);
  }
}
