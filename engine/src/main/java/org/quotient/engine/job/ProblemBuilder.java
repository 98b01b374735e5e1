package org.quotient.engine.job;

import static org.apache.spark.sql.functions.col;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.quotient.engine.model.PotentialModel;
import org.quotient.engine.transform.AccountFeatures;
import org.quotient.engine.transform.Workload;
import org.quotient.optimizer.domain.Account;
import org.quotient.optimizer.domain.PlanningProblem;
import org.quotient.optimizer.domain.Rep;
import org.quotient.optimizer.geo.GeoPoint;

/**
 * Brings the solver's compact problem to the driver: one small record per account and per active
 * rep (the only driver-side collection that grows with the number of accounts).
 */
final class ProblemBuilder {
  private ProblemBuilder() {}

  /** The problem plus the per-account and per-rep facts later stages need. */
  record Built(
      PlanningProblem problem,
      Map<String, Account> accountsById,
      Map<String, Rep> repsById,
      Map<String, Double> bookingsT12m,
      Map<String, LocalDate> hireDates) {}

  static Built build(
      Dataset<Row> accounts,
      Dataset<Row> reps,
      Dataset<Row> scored,
      Dataset<Row> workload,
      Dataset<Row> features,
      double maxWorkloadFactor,
      Double maxWorkloadHoursPerFte) {
    List<Row> accountRows =
        accounts
            .select("account_id", "segment", "lat", "lon", "current_rep_id", "locked_rep_id")
            .join(scored.select("account_id", PotentialModel.POTENTIAL), "account_id")
            .join(workload.select(Workload.ACCOUNT_ID, Workload.WORKLOAD_HOURS), "account_id")
            .join(
                features.select(AccountFeatures.ACCOUNT_ID, AccountFeatures.BOOKINGS_T12M),
                "account_id")
            .orderBy("account_id")
            .collectAsList();
    Map<String, Account> accountsById = new LinkedHashMap<>();
    Map<String, Double> bookings = new HashMap<>();
    Map<String, Double> segmentWorkload = new HashMap<>();
    for (Row r : accountRows) {
      GeoPoint location =
          r.isNullAt(2) || r.isNullAt(3) ? null : new GeoPoint(r.getDouble(2), r.getDouble(3));
      Account account =
          new Account(
              r.getString(0),
              r.getString(1),
              r.getDouble(6),
              r.getDouble(7),
              location,
              r.getString(4),
              r.getString(5));
      accountsById.put(account.id(), account);
      bookings.put(account.id(), r.isNullAt(8) ? 0.0 : r.getDouble(8));
      segmentWorkload.merge(account.segment(), account.workload(), Double::sum);
    }

    List<Row> repRows =
        reps.where(col("active"))
            .select("rep_id", "segment", "capacity", "home_lat", "home_lon", "hire_date")
            .orderBy("rep_id")
            .collectAsList();
    Map<String, Double> segmentCapacity = new HashMap<>();
    for (Row r : repRows) {
      segmentCapacity.merge(r.getString(1), r.getDouble(2), Double::sum);
    }
    Map<String, Rep> repsById = new LinkedHashMap<>();
    Map<String, LocalDate> hireDates = new HashMap<>();
    for (Row r : repRows) {
      String segment = r.getString(1);
      double capacity = r.getDouble(2);
      // Hard limit per rep: an absolute number of hours per FTE when given, else a multiple of
      // the segment's mean workload per FTE (always feasible in aggregate when the factor >= 1).
      double perFte =
          maxWorkloadHoursPerFte != null
              ? maxWorkloadHoursPerFte
              : maxWorkloadFactor
                  * segmentWorkload.getOrDefault(segment, 0.0)
                  / segmentCapacity.get(segment);
      GeoPoint home =
          r.isNullAt(3) || r.isNullAt(4) ? null : new GeoPoint(r.getDouble(3), r.getDouble(4));
      Rep rep = new Rep(r.getString(0), segment, capacity, perFte * capacity, home);
      repsById.put(rep.id(), rep);
      if (!r.isNullAt(5)) {
        hireDates.put(rep.id(), r.getDate(5).toLocalDate());
      }
    }
    PlanningProblem problem =
        new PlanningProblem(
            new ArrayList<>(accountsById.values()), new ArrayList<>(repsById.values()));
    return new Built(problem, accountsById, repsById, bookings, hireDates);
  }
}
