package org.quotient.engine.job;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.quotient.engine.model.PotentialSettings;
import org.quotient.engine.schema.Quarantine;
import org.quotient.optimizer.solver.SolverSettings;

/**
 * Everything one planning run needs.
 *
 * @param input input folder (path or URI) with accounts, reps, opportunities, optional
 *     quota_history
 * @param lake lake folder (path or URI) the Delta tables go to
 * @param target company target the quotas sum to (before over-assignment)
 * @param asOf first day of the plan period; null derives it from the data (the first day of the
 *     month after the latest opportunity date)
 * @param planId plan id to publish under; null generates one from the clock and the inputs
 * @param potential how account potential is modelled
 * @param solver how territories are balanced
 * @param maxWorkloadFactor a rep's hard workload limit as a multiple of the segment's mean workload
 *     per FTE (used when maxWorkloadHoursPerFte is null)
 * @param maxWorkloadHoursPerFte absolute hard workload limit in hours per FTE, or null
 * @param quotaPotentialWeight weight of territory potential vs. territory history in quotas
 * @param maxQuotaChange cap on a rep's quota change vs. last period (0.2 = +-20%)
 * @param overAssignment quotas sum to target x (1 + this)
 * @param rampMonths months a new hire takes to full productivity
 * @param groundTruth optional file (account_id,true_potential) to score the potential model
 * @param report where to write the HTML report; null = {@code <lake>/reports/<plan_id>.html}
 * @param solveOn where the territory solve runs (the plan is the same either way)
 * @param exportCsv folder (path or URI) for spreadsheet-safe CSV copies of the plan's quotas,
 *     territory summary and assignments; null for none
 * @param quarantine whether history rows with problems are set aside in rejected_rows instead of
 *     stopping the run
 */
public record PlanRequest(
    String input,
    String lake,
    BigDecimal target,
    LocalDate asOf,
    String planId,
    PotentialSettings potential,
    SolverSettings solver,
    double maxWorkloadFactor,
    Double maxWorkloadHoursPerFte,
    double quotaPotentialWeight,
    double maxQuotaChange,
    double overAssignment,
    int rampMonths,
    String groundTruth,
    String report,
    SolveOn solveOn,
    String exportCsv,
    Quarantine quarantine) {

  /** This request with its five locations replaced (see {@code Locations}). */
  public PlanRequest withLocations(
      String input, String lake, String groundTruth, String report, String exportCsv) {
    return new PlanRequest(
        input,
        lake,
        target,
        asOf,
        planId,
        potential,
        solver,
        maxWorkloadFactor,
        maxWorkloadHoursPerFte,
        quotaPotentialWeight,
        maxQuotaChange,
        overAssignment,
        rampMonths,
        groundTruth,
        report,
        solveOn,
        exportCsv,
        quarantine);
  }
}
