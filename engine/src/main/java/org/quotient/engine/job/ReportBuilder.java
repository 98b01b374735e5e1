package org.quotient.engine.job;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.quotient.engine.report.ReportData;
import org.quotient.optimizer.domain.Account;
import org.quotient.optimizer.domain.Assignment;
import org.quotient.optimizer.domain.Rep;
import org.quotient.optimizer.domain.TerritoryPlan;
import org.quotient.optimizer.domain.TerritorySummary;
import org.quotient.optimizer.quota.QuotaPlan;
import org.quotient.optimizer.quota.RepQuota;

/** Gathers the report's figures from one run's results, including balance before the plan. */
final class ReportBuilder {
  private ReportBuilder() {}

  static ReportData build(
      String planId,
      Instant createdAt,
      LocalDate asOf,
      PlanRequest request,
      ProblemBuilder.Built built,
      TerritoryPlan territories,
      QuotaPlan quotas,
      Map<String, Double> previousQuota,
      BalanceStats potentialBalance,
      BalanceStats workloadBalance,
      double heldOutR2,
      long rejectedRows) {
    Map<String, Double> before = balanceIndexBefore(built);
    Map<String, RepQuota> quotaByRep = new HashMap<>();
    quotas.quotas().forEach(q -> quotaByRep.put(q.repId(), q));
    List<ReportData.RepRow> rows = new ArrayList<>();
    List<TerritorySummary> beforeSummaries = new ArrayList<>();
    for (TerritorySummary s : territories.summaries()) {
      RepQuota q = quotaByRep.get(s.repId());
      Double previous = previousQuota.get(s.repId());
      double indexBefore = before.getOrDefault(s.repId(), 0.0);
      beforeSummaries.add(
          new TerritorySummary(
              s.repId(), s.segment(), s.capacity(), 0, 0, 0, Double.NaN, indexBefore, Double.NaN));
      rows.add(
          new ReportData.RepRow(
              s.repId(),
              s.segment(),
              s.capacity(),
              s.accounts(),
              s.potential(),
              indexBefore,
              s.balanceIndex(),
              s.workloadIndex(),
              Double.isNaN(s.meanTravelKm()) ? null : s.meanTravelKm(),
              q.quota(),
              previous == null ? null : PlanTables.money(previous),
              q.explanation().rampFactor(),
              q.explanation().cap().kind().name().toLowerCase(),
              q.explanation().text()));
    }
    Map<String, Long> reasons = new TreeMap<>();
    for (Assignment a : territories.assignments()) {
      reasons.merge(a.reason().name().toLowerCase(), 1L, Long::sum);
    }
    return new ReportData(
        planId,
        createdAt,
        asOf,
        // credentials in an input URI stay out of the report, as out of the log
        org.quotient.engine.io.Redaction.text(request.input())
            + (rejectedRows > 0
                ? String.format(
                    " (%,d row(s) with problems set aside in rejected_rows)", rejectedRows)
                : ""),
        request.target(),
        quotas.total(),
        territories.assignments().size(),
        territories.statistics().movedAccounts(),
        potentialBalance.describe(),
        BalanceStats.potential(beforeSummaries).describe(),
        workloadBalance.describe(),
        heldOutR2,
        territories.statistics().solveMillis() / 1000.0,
        reasons,
        rows);
  }

  /**
   * Potential per capacity of today's territories over the segment mean, for the active reps
   * (accounts of reps who left count in the segment total but belong to no rep yet).
   */
  static Map<String, Double> balanceIndexBefore(ProblemBuilder.Built built) {
    Map<String, Double> load = new HashMap<>();
    Map<String, Double> segmentPotential = new HashMap<>();
    Map<String, Double> segmentCapacity = new HashMap<>();
    for (Account a : built.accountsById().values()) {
      segmentPotential.merge(a.segment(), a.potential(), Double::sum);
      if (a.currentRepId() != null && built.repsById().containsKey(a.currentRepId())) {
        load.merge(a.currentRepId(), a.potential(), Double::sum);
      }
    }
    for (Rep r : built.repsById().values()) {
      segmentCapacity.merge(r.segment(), r.capacity(), Double::sum);
    }
    Map<String, Double> index = new HashMap<>();
    for (Rep r : built.repsById().values()) {
      double mean =
          segmentPotential.getOrDefault(r.segment(), 0.0) / segmentCapacity.get(r.segment());
      index.put(
          r.id(), mean > 0 ? load.getOrDefault(r.id(), 0.0) / r.capacity() / mean : Double.NaN);
    }
    return index;
  }
}
