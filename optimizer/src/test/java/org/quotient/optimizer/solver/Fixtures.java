package org.quotient.optimizer.solver;

import java.util.ArrayList;
import java.util.List;
import org.quotient.optimizer.domain.Account;
import org.quotient.optimizer.domain.Rep;
import org.quotient.optimizer.geo.GeoPoint;

/** Small builders for hand-made problems. */
final class Fixtures {
  private Fixtures() {}

  static Rep rep(String id, String segment) {
    return new Rep(id, segment, 1.0, Double.POSITIVE_INFINITY, null);
  }

  static Rep rep(String id, String segment, double capacity, double maxWorkload, GeoPoint home) {
    return new Rep(id, segment, capacity, maxWorkload, home);
  }

  /** Workload is potential / 10 hours, so balancing one balances the other. */
  static Account account(String id, String segment, double potential, String currentRepId) {
    return new Account(id, segment, potential, potential / 10, null, currentRepId, null);
  }

  static Account locked(String id, String segment, double potential, String repId) {
    return new Account(id, segment, potential, potential / 10, null, repId, repId);
  }

  /** {@code count} accounts of equal potential owned by {@code repId}, ids prefix0..prefixN. */
  static List<Account> owned(
      String prefix, int count, String segment, double potential, String repId) {
    List<Account> accounts = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      accounts.add(account(prefix + i, segment, potential, repId));
    }
    return accounts;
  }
}
