package org.quotient.engine.cli;

import java.io.PrintStream;
import org.quotient.engine.job.PlanOutcome;

/** The final summary a planner reads: balance, disruption, quotas, time, where the tables are. */
final class SummaryPrinter {
  private SummaryPrinter() {}

  static void print(PlanOutcome o, PrintStream out) {
    // credentials in a lake URI never reach the console
    String root = org.quotient.engine.io.Redaction.text(o.lakeRoot());
    String lake = root.endsWith("/") ? root : root + "/";
    out.println();
    out.println("Plan " + o.planId() + " published (plan period from " + o.asOf() + ")");
    out.printf("  territories      %,d accounts on %,d reps%n", o.accounts(), o.reps());
    out.printf(
        "  potential/FTE    %s; spread %.1f%%%n",
        o.potentialBalance().describe(), o.potentialBalance().maxDeviation() * 100);
    out.printf(
        "  workload/FTE     %s; spread %.1f%%%n",
        o.workloadBalance().describe(), o.workloadBalance().maxDeviation() * 100);
    out.printf(
        "  accounts moved   %,d (%.1f%%)%n",
        o.movedAccounts(), 100.0 * o.movedAccounts() / Math.max(1, o.accounts()));
    out.printf("  quota total      $%,.2f (target $%,.2f)%n", o.quotaTotal(), o.target());
    if (o.rejectedRows() > 0) {
      out.printf(
          "  rejected rows    %,d input row(s) set aside, see %srejected_rows%n",
          o.rejectedRows(), lake);
    }
    out.printf("  potential model  held-out R^2 %.3f%n", o.modelHeldOutR2());
    out.printf(
        "  solve            %.1f s (score %s); whole run %.1f s%n",
        o.solveMillis() / 1000.0, o.solverScore(), o.totalSeconds());
    out.println(
        "  tables           "
            + lake
            + "{plan_runs,territory_assignments,territory_summary,quotas,account_potential}");
    out.println("  report           " + org.quotient.engine.io.Redaction.text(o.report()));
    out.println();
    out.println("Read them with any Delta reader, e.g. in spark-sql or a notebook:");
    out.println("  SELECT * FROM delta.`" + lake + "quotas` WHERE plan_id = '" + o.planId() + "'");
    out.println("  (plan_runs lists every published plan; pick the latest by created_at)");
  }
}
