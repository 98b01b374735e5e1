package org.quotient.engine.bench;

import java.util.ArrayList;
import java.util.List;
import org.quotient.optimizer.domain.Account;
import org.quotient.optimizer.domain.PlanningProblem;
import org.quotient.optimizer.domain.Rep;
import org.quotient.optimizer.geo.GeoPoint;

/** Hand-built tiny problems: one segment "s" unless said otherwise. */
final class Tiny {
  private final List<Account> accounts = new ArrayList<>();
  private final List<Rep> reps = new ArrayList<>();

  Tiny rep(String id, double capacity, double lat, double lon) {
    reps.add(new Rep(id, "s", capacity, Double.POSITIVE_INFINITY, new GeoPoint(lat, lon)));
    return this;
  }

  Tiny rep(String id, String segment, double capacity, double maxWorkload, double lat, double lon) {
    reps.add(new Rep(id, segment, capacity, maxWorkload, new GeoPoint(lat, lon)));
    return this;
  }

  /** Accounts at (lat, lon) owned by {@code owner} (null: new), one per potential. */
  Tiny owned(String owner, double lat, double lon, double... potentials) {
    for (double p : potentials) {
      account("s", p, 1, lat, lon, owner, null);
    }
    return this;
  }

  Tiny locked(String owner, double potential) {
    return account("s", potential, 1, 0, 0, owner, owner);
  }

  Tiny account(
      String segment,
      double potential,
      double workload,
      double lat,
      double lon,
      String owner,
      String lockedTo) {
    accounts.add(
        new Account(
            "a" + accounts.size(),
            segment,
            potential,
            workload,
            new GeoPoint(lat, lon),
            owner,
            lockedTo));
    return this;
  }

  PlanningProblem problem() {
    return new PlanningProblem(accounts, reps);
  }

  IndexedProblem indexed() {
    return new IndexedProblem(problem());
  }
}
