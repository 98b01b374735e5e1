package org.quotient.datasets;

import java.util.List;

/**
 * Accounts and reps of one generation, in memory (no opportunities, no files): what benchmarks and
 * notebooks need to build a planning problem fast. Same settings, same values as the files {@link
 * DatasetGenerator#generate} writes.
 *
 * @param settings the settings generated with
 * @param accounts accounts in account_id order
 * @param reps reps in rep_id order
 */
public record GeneratedData(
    GeneratorSettings settings, List<GeneratedAccount> accounts, List<GeneratedRep> reps) {
  public GeneratedData {
    accounts = List.copyOf(accounts);
    reps = List.copyOf(reps);
  }
}
