package org.quotient.engine.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.quotient.datasets.DatasetGenerator;
import org.quotient.datasets.GeneratedAccount;
import org.quotient.datasets.GeneratedData;
import org.quotient.datasets.GeneratedRep;
import org.quotient.datasets.GeneratorSettings;
import org.quotient.engine.transform.WorkloadModel;
import org.quotient.optimizer.domain.Account;
import org.quotient.optimizer.domain.PlanningProblem;
import org.quotient.optimizer.domain.Rep;
import org.quotient.optimizer.geo.GeoPoint;

/**
 * Realistic benchmark problems from the dataset generator, in memory (no Spark, no files): accounts
 * on real US geography with last year's nearest-rep territories (coherent, out of balance), new
 * hires without accounts, departed reps whose accounts must move, and locked strategic accounts.
 */
public final class BenchmarkInstances {
  /** As the engine's planning job: a rep's workload may reach 1.3 x the segment mean per FTE. */
  public static final double MAX_WORKLOAD_FACTOR = 1.3;

  /** Years of history do not change accounts or reps much; the CLI's generate default. */
  static final int YEARS = 3;

  private BenchmarkInstances() {}

  public static BenchmarkInstance generate(BenchSize size, long seed) {
    GeneratedData data =
        DatasetGenerator.generateInMemory(
            new GeneratorSettings(size.accounts(), size.reps(), YEARS, seed));
    return fromGenerated(size, seed, data, WorkloadModel.DEFAULT, MAX_WORKLOAD_FACTOR);
  }

  /**
   * The planning problem of generated data: potential = true potential, workload = {@link
   * WorkloadModel#hours} with no open opportunities, only active reps, and maxWorkload = factor x
   * the segment's mean workload per FTE x capacity (as the engine's ProblemBuilder).
   */
  public static BenchmarkInstance fromGenerated(
      BenchSize size,
      long seed,
      GeneratedData data,
      WorkloadModel workloadModel,
      double maxWorkloadFactor) {
    List<Account> accounts = new ArrayList<>(data.accounts().size());
    Map<String, Double> segmentWorkload = new HashMap<>();
    int newAccounts = 0;
    int locked = 0;
    for (GeneratedAccount a : data.accounts()) {
      double hours = workloadModel.hours(a.segment(), (long) a.employees(), 0);
      accounts.add(
          new Account(
              a.id(),
              a.segment(),
              a.truePotential(),
              hours,
              new GeoPoint(a.lat(), a.lon()),
              a.currentRepId(),
              a.lockedRepId()));
      segmentWorkload.merge(a.segment(), hours, Double::sum);
      if (a.currentRepId() == null) {
        newAccounts++;
      }
      if (a.lockedRepId() != null) {
        locked++;
      }
    }
    Map<String, Double> segmentCapacity = new HashMap<>();
    int departed = 0;
    int newHires = 0;
    for (GeneratedRep r : data.reps()) {
      if (r.active()) {
        segmentCapacity.merge(r.segment(), r.capacity(), Double::sum);
        if (r.newHire()) {
          newHires++;
        }
      } else {
        departed++;
      }
    }
    List<Rep> reps = new ArrayList<>();
    for (GeneratedRep r : data.reps()) {
      if (!r.active()) {
        continue;
      }
      double perFte =
          maxWorkloadFactor
              * segmentWorkload.getOrDefault(r.segment(), 0.0)
              / segmentCapacity.get(r.segment());
      reps.add(
          new Rep(
              r.id(),
              r.segment(),
              r.capacity(),
              perFte * r.capacity(),
              new GeoPoint(r.homeLat(), r.homeLon())));
    }
    return new BenchmarkInstance(
        size, seed, new PlanningProblem(accounts, reps), departed, newHires, newAccounts, locked);
  }
}
