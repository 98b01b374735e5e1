package org.quotient.optimizer.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quotient.optimizer.solver.Fixtures.account;
import static org.quotient.optimizer.solver.Fixtures.locked;
import static org.quotient.optimizer.solver.Fixtures.owned;
import static org.quotient.optimizer.solver.Fixtures.rep;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quotient.optimizer.domain.Account;
import org.quotient.optimizer.domain.Assignment;
import org.quotient.optimizer.domain.AssignmentReason;
import org.quotient.optimizer.domain.PlanningProblem;
import org.quotient.optimizer.domain.Rep;
import org.quotient.optimizer.domain.TerritoryPlan;
import org.quotient.optimizer.domain.TerritorySummary;
import org.quotient.optimizer.geo.GeoPoint;

class TerritoryOptimizerTest {
  private final TerritoryOptimizer optimizer = new TerritoryOptimizer();
  private final List<String> progress = new ArrayList<>();

  private TerritoryPlan solve(List<Account> accounts, List<Rep> reps) {
    return optimizer.solve(
        new PlanningProblem(accounts, reps), SolverSettings.defaults(), progress::add);
  }

  private static Map<String, Assignment> byAccount(TerritoryPlan plan) {
    return plan.assignments().stream()
        .collect(Collectors.toMap(Assignment::accountId, Function.identity()));
  }

  private static Map<String, TerritorySummary> byRep(TerritoryPlan plan) {
    return plan.summaries().stream()
        .collect(Collectors.toMap(TerritorySummary::repId, Function.identity()));
  }

  private static <T> List<T> concat(List<T> first, List<T> second) {
    List<T> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }

  @Test
  void movesNoAccountWhenAlreadyBalanced() {
    TerritoryPlan plan =
        solve(
            concat(owned("A", 6, "SMB", 100, "R1"), owned("B", 6, "SMB", 100, "R2")),
            List.of(rep("R1", "SMB"), rep("R2", "SMB")));

    assertEquals(0, plan.statistics().movedAccounts());
    assertTrue(plan.assignments().stream().allMatch(a -> a.reason() == AssignmentReason.KEPT));
    assertEquals(1.0, byRep(plan).get("R1").balanceIndex(), 1e-9);
  }

  @Test
  void balancesTwoRepsWithinTolerance() {
    TerritoryPlan plan =
        solve(
            concat(owned("A", 30, "SMB", 100, "R1"), owned("B", 10, "SMB", 100, "R2")),
            List.of(rep("R1", "SMB"), rep("R2", "SMB")));

    Map<String, TerritorySummary> reps = byRep(plan);
    assertEquals(1.0, reps.get("R1").balanceIndex(), 0.02);
    assertEquals(1.0, reps.get("R2").balanceIndex(), 0.02);
    // 30/10 -> 20/20 needs exactly 10 moves; no more are made.
    assertEquals(10, plan.statistics().movedAccounts());
    assertEquals(
        10,
        plan.assignments().stream().filter(a -> a.reason() == AssignmentReason.REBALANCED).count());
  }

  @Test
  void balancesPotentialPerCapacityNotPerHead() {
    Rep fullTime = rep("R1", "SMB", 1.0, Double.POSITIVE_INFINITY, null);
    Rep halfTime = rep("R2", "SMB", 0.5, Double.POSITIVE_INFINITY, null);
    TerritoryPlan plan =
        solve(
            concat(owned("A", 15, "SMB", 100, "R1"), owned("B", 15, "SMB", 100, "R2")),
            List.of(fullTime, halfTime));

    Map<String, TerritorySummary> reps = byRep(plan);
    assertEquals(2000, reps.get("R1").potential(), 1e-9);
    assertEquals(1000, reps.get("R2").potential(), 1e-9);
  }

  @Test
  void keepsLockedAccountWithItsRep() {
    // R1 is overloaded mostly by one big locked account: the lock holds, others move instead.
    List<Account> accounts = new ArrayList<>(owned("A", 8, "SMB", 100, "R1"));
    accounts.add(locked("BIG", "SMB", 1000, "R1"));
    accounts.addAll(owned("B", 4, "SMB", 100, "R2"));
    TerritoryPlan plan = solve(accounts, List.of(rep("R1", "SMB"), rep("R2", "SMB")));

    Assignment big = byAccount(plan).get("BIG");
    assertEquals("R1", big.repId());
    assertEquals(AssignmentReason.LOCKED, big.reason());
    assertTrue(plan.statistics().feasible());
    // Balance needs 1100 each: R1 keeps BIG and 1 small account.
    assertEquals(1100, byRep(plan).get("R1").potential(), 1e-9);
  }

  @Test
  void neverAssignsAcrossSegments() {
    List<Account> accounts = new ArrayList<>(owned("S", 20, "SMB", 100, "R1"));
    accounts.addAll(owned("E", 3, "ENT", 5000, "R3"));
    // Changed segment: owned by an SMB rep but is now ENT.
    accounts.add(account("MOVED", "ENT", 5000, "R1"));
    TerritoryPlan plan =
        solve(
            accounts,
            List.of(rep("R1", "SMB"), rep("R2", "SMB"), rep("R3", "ENT"), rep("R4", "ENT")));

    Map<String, String> segmentOfRep =
        plan.summaries().stream()
            .collect(Collectors.toMap(TerritorySummary::repId, TerritorySummary::segment));
    Map<String, String> segmentOfAccount =
        accounts.stream().collect(Collectors.toMap(Account::id, Account::segment));
    for (Assignment a : plan.assignments()) {
      assertEquals(segmentOfAccount.get(a.accountId()), segmentOfRep.get(a.repId()), a.accountId());
    }
    assertEquals(AssignmentReason.REASSIGNED, byAccount(plan).get("MOVED").reason());
    // Two segment partitions, plus the geographic clusters local search ran on.
    assertTrue(plan.statistics().partitions() >= 2);
  }

  @Test
  void respectsMaxWorkload() {
    // Potential alone would split 5/5, but R1 may work only 40 hours (accounts are 10 hours each).
    Rep capped = rep("R1", "SMB", 1.0, 40.0, null);
    TerritoryPlan plan =
        solve(
            concat(owned("A", 8, "SMB", 100, "R1"), owned("B", 2, "SMB", 100, "R2")),
            List.of(capped, rep("R2", "SMB")));

    assertTrue(byRep(plan).get("R1").workload() <= 40.0);
    assertTrue(plan.statistics().feasible(), plan.statistics().hardViolations().toString());
    assertEquals(4, byRep(plan).get("R1").accounts());
  }

  @Test
  void reassignsAccountsOfRepWhoLeft() {
    List<Account> accounts = new ArrayList<>(owned("A", 5, "SMB", 100, "R1"));
    accounts.addAll(owned("B", 5, "SMB", 100, "R2"));
    accounts.addAll(owned("GONE", 4, "SMB", 100, "R9"));
    TerritoryPlan plan = solve(accounts, List.of(rep("R1", "SMB"), rep("R2", "SMB")));

    Map<String, Assignment> assignments = byAccount(plan);
    for (int i = 0; i < 4; i++) {
      Assignment a = assignments.get("GONE" + i);
      assertEquals(AssignmentReason.REASSIGNED, a.reason());
      assertEquals("R9", a.previousRepId());
      assertTrue(a.moved());
    }
    // The orphans are shared evenly and nobody else moves.
    assertEquals(4, plan.statistics().movedAccounts());
    assertEquals(700, byRep(plan).get("R1").potential(), 1e-9);
  }

  @Test
  void placesNewAccountWithNearestRep() {
    Rep west = rep("R1", "SMB", 1.0, Double.POSITIVE_INFINITY, new GeoPoint(37.77, -122.42));
    Rep east = rep("R2", "SMB", 1.0, Double.POSITIVE_INFINITY, new GeoPoint(40.71, -74.01));
    List<Account> accounts = new ArrayList<>(owned("A", 5, "SMB", 100, "R1"));
    accounts.addAll(owned("B", 5, "SMB", 100, "R2"));
    accounts.add(new Account("NEW1", "SMB", 100, 10, new GeoPoint(40.0, -75.0), null, null));
    accounts.add(new Account("NEW2", "SMB", 100, 10, new GeoPoint(37.0, -122.0), null, null));
    TerritoryPlan plan = solve(accounts, List.of(west, east));

    Map<String, Assignment> assignments = byAccount(plan);
    assertEquals("R2", assignments.get("NEW1").repId());
    assertEquals("R1", assignments.get("NEW2").repId());
    assertEquals(AssignmentReason.NEW_ACCOUNT, assignments.get("NEW1").reason());
    assertTrue(byRep(plan).get("R1").meanTravelKm() > 0);
  }

  @Test
  void reportsUnknownTravelAsNaN() {
    TerritoryPlan plan = solve(owned("A", 2, "SMB", 100, "R1"), List.of(rep("R1", "SMB")));

    assertTrue(Double.isNaN(byRep(plan).get("R1").meanTravelKm()));
  }

  @Test
  void reportsProgressPerPartition() {
    List<Account> accounts = new ArrayList<>(owned("A", 9, "SMB", 100, "R1"));
    accounts.add(locked("L", "SMB", 100, "R1"));
    accounts.addAll(owned("E", 2, "ENT", 100, "R3"));
    solve(accounts, List.of(rep("R1", "SMB"), rep("R2", "SMB"), rep("R3", "ENT")));

    assertTrue(progress.contains("[SMB] 10 account(s) (1 locked), 2 rep(s)"), progress.toString());
    assertTrue(
        progress.stream()
            .anyMatch(
                l ->
                    l.startsWith(
                        "[SMB] greedy: placed 0 new/orphaned account(s), moved 0 off"
                            + " overworked reps, 5 balancing step(s)")),
        progress.toString());
    assertTrue(
        progress.stream().anyMatch(l -> l.startsWith("[SMB] local search on 1 geographic cluster")),
        progress.toString());
    assertTrue(
        progress.stream().anyMatch(l -> l.startsWith("[ENT] score 0hard/0medium/")),
        progress.toString());
    assertTrue(progress.get(progress.size() - 1).startsWith("done: score 0hard/0medium/"));
  }

  @Test
  void sameSeedGivesSameAssignments() {
    PlanningProblem problem = SkewedProblems.generate(7, 900, 9, 2);
    SolverSettings settings = SolverSettings.defaults();

    TerritoryPlan first = optimizer.solve(problem, settings, line -> {});
    TerritoryPlan second = optimizer.solve(problem, settings, line -> {});

    assertEquals(first.assignments(), second.assignments());
    assertEquals(first.statistics().score(), second.statistics().score());
  }

  @Test
  void balancesLargeSkewedProblemWithinFivePercent() {
    PlanningProblem problem = SkewedProblems.generate(11, 3000, 30, 3);
    List<String> lines = new ArrayList<>();
    TerritoryPlan plan = optimizer.solve(problem, SolverSettings.defaults(), lines::add);

    assertTrue(plan.statistics().feasible(), plan.statistics().hardViolations().toString());
    for (TerritorySummary s : plan.summaries()) {
      assertEquals(1.0, s.balanceIndex(), 0.05, s + "\n" + String.join("\n", lines));
    }
    Map<String, Rep> reps =
        problem.reps().stream().collect(Collectors.toMap(Rep::id, Function.identity()));
    Map<String, Assignment> assignments = byAccount(plan);
    for (Account a : problem.accounts()) {
      Assignment assignment = assignments.get(a.id());
      assertEquals(a.segment(), reps.get(assignment.repId()).segment());
      if (a.isLocked()) {
        assertEquals(a.lockedRepId(), assignment.repId());
      }
    }
    assertTrue(lines.stream().noneMatch(l -> l.contains("time limit")), lines.toString());
  }

  @Test
  void movesLittleMoreThanTheUnavoidableWhenOnlyBalanceAndDisruptionCount() {
    PlanningProblem problem = SkewedProblems.generate(11, 3000, 30, 3);
    SolverSettings settings =
        new SolverSettings(new TerritoryWeights(10, 0, 1, 0), Duration.ofSeconds(30), 42L, 0.02);
    TerritoryPlan plan = optimizer.solve(problem, settings, line -> {});

    // Unavoidable: potential above each rep's band today must leave it (a lower bound).
    Map<String, Rep> reps =
        problem.reps().stream().collect(Collectors.toMap(Rep::id, Function.identity()));
    Map<String, Double> segmentPotential = new HashMap<>();
    Map<String, Double> segmentCapacity = new HashMap<>();
    Map<String, Double> kept = new HashMap<>();
    for (Account a : problem.accounts()) {
      segmentPotential.merge(a.segment(), a.potential(), Double::sum);
      Rep current = a.currentRepId() == null ? null : reps.get(a.currentRepId());
      if (current != null) {
        kept.merge(current.id(), a.potential(), Double::sum);
      }
    }
    problem.reps().forEach(r -> segmentCapacity.merge(r.segment(), r.capacity(), Double::sum));
    double mustLeave = 0;
    for (Rep r : problem.reps()) {
      double band =
          1.02
              * segmentPotential.get(r.segment())
              / segmentCapacity.get(r.segment())
              * r.capacity();
      mustLeave += Math.max(0, kept.getOrDefault(r.id(), 0.0) - band);
    }
    Map<String, Account> accounts =
        problem.accounts().stream().collect(Collectors.toMap(Account::id, Function.identity()));
    double rebalanced =
        plan.assignments().stream()
            .filter(a -> a.reason() == AssignmentReason.REBALANCED)
            .mapToDouble(a -> accounts.get(a.accountId()).potential())
            .sum();

    assertTrue(rebalanced >= mustLeave, rebalanced + " < " + mustLeave);
    assertTrue(rebalanced <= 1.1 * mustLeave, "moved " + rebalanced + ", needed " + mustLeave);
  }

  @Test
  void reportsWorkloadAboveMaximumWhenNoRepHasRoom() {
    List<Account> accounts = owned("A", 3, "SMB", 100, "R1");
    TerritoryPlan plan =
        solve(
            accounts,
            List.of(rep("R1", "SMB", 1.0, 10.0, null), rep("R2", "SMB", 1.0, 10.0, null)));

    assertEquals(false, plan.statistics().feasible());
    assertEquals(1, plan.statistics().hardViolations().size());
    assertTrue(
        plan.statistics()
            .hardViolations()
            .get(0)
            .matches(
                "rep R[12] carries 20.0 hours of workload, above its maxWorkload of 10.0 hours:"
                    + " raise the maxWorkload, add reps of the segment or lower account workloads"),
        plan.statistics().hardViolations().toString());
  }

  @Test
  void failsWhenSegmentHasAccountsButNoReps() {
    PlanningException e =
        assertThrows(
            PlanningException.class,
            () -> solve(owned("A", 2, "MID", 100, null), List.of(rep("R1", "SMB"))));
    assertEquals(
        "segment MID has 2 account(s) but no reps: add a rep of segment MID or move the accounts"
            + " to a segment that has reps",
        e.getMessage());
  }

  @Test
  void failsWhenAccountIsLockedToUnknownRep() {
    PlanningException e =
        assertThrows(
            PlanningException.class,
            () -> solve(List.of(locked("A12", "SMB", 100, "R3")), List.of(rep("R1", "SMB"))));
    assertEquals(
        "account A12 is locked to rep R3 but R3 is not in the problem: add rep R3 or clear the"
            + " account's lock",
        e.getMessage());
  }

  @Test
  void failsWhenAccountIsLockedToRepOfAnotherSegment() {
    PlanningException e =
        assertThrows(
            PlanningException.class,
            () ->
                solve(
                    List.of(locked("A12", "SMB", 100, "R3")),
                    List.of(rep("R1", "SMB"), rep("R3", "ENT"))));
    assertEquals(
        "account A12 (segment SMB) is locked to rep R3 of segment ENT: lock it to a rep of segment"
            + " SMB or clear the lock",
        e.getMessage());
  }

  @Test
  void failsWhenLockedWorkloadExceedsRepMaximum() {
    Rep capped = rep("R1", "SMB", 1.0, 15.0, null);
    PlanningException e =
        assertThrows(
            PlanningException.class,
            () ->
                solve(
                    List.of(locked("A1", "SMB", 100, "R1"), locked("A2", "SMB", 100, "R1")),
                    List.of(capped)));
    assertEquals(
        "rep R1 has 20.0 hours of locked accounts but a maxWorkload of 15.0 hours: raise the"
            + " rep's maxWorkload or unlock some of its accounts",
        e.getMessage());
  }

  @Test
  void failsWhenAccountAppearsTwice() {
    PlanningException e =
        assertThrows(
            PlanningException.class,
            () ->
                solve(
                    List.of(account("A1", "SMB", 100, null), account("A1", "SMB", 50, null)),
                    List.of(rep("R1", "SMB"))));
    assertEquals("account A1 appears more than once: give each account one row", e.getMessage());
  }

  @Test
  void reportsTimeLimitWhenItCutsTheSearchShort() {
    PlanningProblem problem = SkewedProblems.generate(3, 600, 6, 1);
    SolverSettings hurried =
        new SolverSettings(TerritoryWeights.DEFAULT, Duration.ofMillis(1), 42L, 0.02);
    List<String> lines = new ArrayList<>();
    TerritoryPlan plan = optimizer.solve(problem, hurried, lines::add);

    assertTrue(
        lines.stream()
            .anyMatch(l -> l.contains("time limit of 1 ms") && l.contains("reruns may differ")),
        lines.toString());
    assertTrue(plan.statistics().feasible());
    assertEquals(600, plan.assignments().size());
  }

  private static Account work(String id, double potential, double hours, String repId) {
    return new Account(id, "SMB", potential, hours, null, repId, null);
  }

  @Test
  void meetsWorkloadBandWhenAccountsAllowIt() {
    // Potential is even (1000 each) but R1 works 200 h and R2 50 h: swaps of a 20 h account
    // for a 5 h one of the same potential bring both within +-5% of 125 h.
    List<Account> accounts = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      accounts.add(work("H" + i, 100, 20, "R1"));
      accounts.add(work("L" + i, 100, 5, "R2"));
    }
    TerritoryPlan plan = solve(accounts, List.of(rep("R1", "SMB"), rep("R2", "SMB")));

    for (TerritorySummary s : plan.summaries()) {
      assertEquals(1.0, s.balanceIndex(), 0.02, s.toString());
      assertEquals(1.0, s.workloadIndex(), 0.05, s.toString());
    }
    assertTrue(plan.statistics().bandsReached(), plan.statistics().outsideBands().toString());
    // Five swaps (ten moves) are the fewest that do it.
    assertEquals(10, plan.statistics().movedAccounts());
  }

  @Test
  void explainsRepWhoseSingleAccountIsWiderThanTheBand() {
    // R1's whale alone is 1.5x the mean: no mix of accounts can bring R1 into the band.
    List<Account> accounts = new ArrayList<>(owned("S", 10, "SMB", 100, "R2"));
    accounts.add(account("WHALE", "SMB", 3000, "R1"));
    TerritoryPlan plan = solve(accounts, List.of(rep("R1", "SMB"), rep("R2", "SMB")));

    assertTrue(!plan.statistics().bandsReached());
    String why = String.join("\n", plan.statistics().outsideBands());
    assertTrue(why.contains("rep R1 (SMB)") && why.contains("one account holds"), why);
    assertEquals(11, plan.assignments().size());
  }

  @Test
  void neverMovesMoreThanTheBudget() {
    PlanningProblem problem = SegmentedProblems.generate(5, 6000, 40);
    SolverSettings settings = SolverSettings.defaults().withMaxMovedFraction(0.02);
    TerritoryPlan plan = optimizer.solve(problem, settings, line -> {});

    long rebalanced =
        plan.assignments().stream().filter(a -> a.reason() == AssignmentReason.REBALANCED).count();
    assertTrue(rebalanced <= 0.02 * 6000, rebalanced + " > budget");
    assertEquals(rebalanced, plan.statistics().takenFromCurrentRep());
    assertTrue(plan.statistics().feasible(), plan.statistics().hardViolations().toString());
  }

  @Test
  void reportsBandNotReachedWhenBudgetTooSmall() {
    PlanningProblem problem = SegmentedProblems.generate(5, 6000, 40);
    SolverSettings settings = SolverSettings.defaults().withMaxMovedFraction(0.002);
    List<String> lines = new ArrayList<>();
    TerritoryPlan plan = optimizer.solve(problem, settings, lines::add);

    assertEquals(6000, plan.assignments().size());
    assertTrue(plan.statistics().takenFromCurrentRep() <= 12);
    assertTrue(!plan.statistics().bandsReached());
    assertTrue(
        plan.statistics().outsideBands().stream().anyMatch(l -> l.contains("move budget")),
        plan.statistics().outsideBands().toString());
    assertTrue(lines.get(lines.size() - 1).contains("rep(s) outside a band"), lines.toString());
  }

  @Test
  void sameSeedSameAssignmentsWithGeographicPartitions() {
    PlanningProblem problem = SegmentedProblems.generate(9, 4000, 40);
    TerritoryOptimizer clustered = new TerritoryOptimizer(150);

    TerritoryPlan first = clustered.solve(problem, SolverSettings.defaults(), line -> {});
    TerritoryPlan second = clustered.solve(problem, SolverSettings.defaults(), line -> {});

    // 3 segment partitions and several geographic clusters of reps within them.
    assertTrue(first.statistics().partitions() > 6, first.statistics().toString());
    assertEquals(first.assignments(), second.assignments());
    assertEquals(first.statistics().score(), second.statistics().score());
  }

  @Test
  void segmentsSolvedApartAfterSerializationAssembleToTheSinglePassPlan() throws Exception {
    PlanningProblem problem = SegmentedProblems.generate(9, 4000, 40);
    TerritoryOptimizer clustered = new TerritoryOptimizer(150);
    TerritoryPlan whole = clustered.solve(problem, SolverSettings.defaults(), line -> {});

    // as a distributed solve does: each partition shipped to a task, solved there, shipped back
    List<SegmentSolution> solutions = new java.util.ArrayList<>();
    for (SegmentPartition p : TerritoryOptimizer.partitions(problem)) {
      SegmentPartition shipped = roundTrip(p);
      SolverSettings settings = roundTrip(SolverSettings.defaults());
      solutions.add(roundTrip(clustered.solvePartition(shipped, settings, line -> {})));
    }
    java.util.Collections.reverse(solutions); // tasks may come back in any order
    TerritoryPlan assembled = clustered.assemble(problem, solutions, 0, line -> {});

    assertEquals(3, solutions.size());
    assertEquals(whole.assignments(), assembled.assignments());
    assertEquals(whole.summaries(), assembled.summaries());
    assertEquals(whole.statistics().score(), assembled.statistics().score());
    assertEquals(whole.statistics().partitions(), assembled.statistics().partitions());
    assertEquals(whole.statistics().outsideBands(), assembled.statistics().outsideBands());
  }

  @SuppressWarnings("unchecked")
  private static <T> T roundTrip(T value) throws Exception {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    try (java.io.ObjectInputStream in =
        new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
      return (T) in.readObject();
    }
  }

  @Test
  void meetsBothBandsWithinOneAndAHalfTimesTheLowerBoundOnMediumProblem() {
    PlanningProblem problem = SegmentedProblems.generate(21, 20_000, 100);
    TerritoryPlan plan = optimizer.solve(problem, SolverSettings.defaults(), line -> {});

    assertTrue(plan.statistics().bandsReached(), plan.statistics().outsideBands().toString());
    for (TerritorySummary s : plan.summaries()) {
      assertEquals(1.0, s.balanceIndex(), 0.02, s.toString());
      assertEquals(1.0, s.workloadIndex(), 0.05, s.toString());
    }
    // Meeting the workload band needs its own moves (here more than the potential band's), so the
    // bound for both bands counts each band's fewest moves and takes the larger: the target.
    LowerBound bound = LowerBound.parts(problem, 0.02, 0.05);
    long moved = plan.statistics().movedAccounts();
    assertTrue(moved <= 1.5 * bound.totalWithWorkload(), moved + " moved, " + bound);
    // Against the potential band alone a looser guard: the travel pass also spends a few moves
    // (ejections, priced at the disruption weight) on shorter travel.
    assertTrue(moved <= 1.7 * bound.total(), moved + " moved, " + bound);
  }
}
