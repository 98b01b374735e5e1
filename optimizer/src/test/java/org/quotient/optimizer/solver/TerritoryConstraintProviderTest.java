package org.quotient.optimizer.solver;

import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.stream.ConstraintStreamImplType;
import org.optaplanner.test.api.score.stream.ConstraintVerifier;
import org.quotient.optimizer.domain.Account;
import org.quotient.optimizer.domain.AccountAssignment;
import org.quotient.optimizer.domain.MoveBudget;
import org.quotient.optimizer.domain.Rep;
import org.quotient.optimizer.domain.Territory;
import org.quotient.optimizer.domain.TerritorySolution;
import org.quotient.optimizer.geo.GeoPoint;

class TerritoryConstraintProviderTest {
  private final ConstraintVerifier<TerritoryConstraintProvider, TerritorySolution> verifier =
      ConstraintVerifier.build(
              new TerritoryConstraintProvider(), TerritorySolution.class, AccountAssignment.class)
          .withConstraintStreamImplType(ConstraintStreamImplType.BAVET);

  private static final Territory SMB_REP = territory("R1", "SMB", 1.0, 10_000, null);
  private static final Territory ENT_REP = territory("R2", "ENT", 1.0, 10_000, null);

  private static Territory territory(
      String id, String segment, double capacity, long maxMilliHours, GeoPoint home) {
    return new Territory(
        new Rep(id, segment, capacity, maxMilliHours / 1000.0, home),
        maxMilliHours,
        0.5,
        0.25,
        10,
        90,
        110);
  }

  private static AccountAssignment assigned(
      String id, String segment, long points, long milliHours, String incumbent, Territory t) {
    Account account = new Account(id, segment, points, milliHours / 1000.0, null, incumbent, null);
    return new AccountAssignment(account, points, milliHours, incumbent, 1000, t);
  }

  @Test
  void penalizesAccountAssignedToRepOfAnotherSegment() {
    verifier
        .verifyThat(TerritoryConstraintProvider::segmentEligibility)
        .given(assigned("A1", "SMB", 10, 0, null, ENT_REP))
        .penalizesBy(1);
  }

  @Test
  void acceptsAccountAssignedToRepOfItsSegment() {
    verifier
        .verifyThat(TerritoryConstraintProvider::segmentEligibility)
        .given(assigned("A1", "SMB", 10, 0, null, SMB_REP))
        .penalizesBy(0);
  }

  @Test
  void penalizesLockedAccountAwayFromItsRep() {
    Territory other = territory("R3", "SMB", 1.0, 10_000, null);
    Account account = new Account("A1", "SMB", 10, 0, null, "R1", "R1");
    verifier
        .verifyThat(TerritoryConstraintProvider::lockedAccount)
        .given(new AccountAssignment(account, 10, 0, "R1", 1000, other))
        .penalizesBy(1);
  }

  @Test
  void acceptsLockedAccountWithItsRep() {
    Account account = new Account("A1", "SMB", 10, 0, null, "R1", "R1");
    verifier
        .verifyThat(TerritoryConstraintProvider::lockedAccount)
        .given(new AccountAssignment(account, 10, 0, "R1", 1000, SMB_REP))
        .penalizesBy(0);
  }

  @Test
  void penalizesWorkloadAboveMaximumByTheExcessMilliHours() {
    verifier
        .verifyThat(TerritoryConstraintProvider::maxWorkload)
        .given(
            assigned("A1", "SMB", 10, 6_000, null, SMB_REP),
            assigned("A2", "SMB", 10, 5_500, null, SMB_REP))
        .penalizesBy(1_500);
  }

  @Test
  void penalizesNothingWhenWorkloadWithinLimit() {
    verifier
        .verifyThat(TerritoryConstraintProvider::maxWorkload)
        .given(
            assigned("A1", "SMB", 10, 6_000, null, SMB_REP),
            assigned("A2", "SMB", 10, 4_000, null, SMB_REP))
        .penalizesBy(0);
  }

  @Test
  void penalizesPotentialOutsideToleranceBandByTheExcessPoints() {
    Territory other = territory("R3", "SMB", 1.0, 10_000, null);
    // Band is 90..110 points: R1 at 120 is 10 above, R3 at 85 is 5 below.
    verifier
        .verifyThat(TerritoryConstraintProvider::potentialBand)
        .given(
            assigned("A1", "SMB", 70, 0, null, SMB_REP),
            assigned("A2", "SMB", 50, 0, null, SMB_REP),
            assigned("A3", "SMB", 85, 0, null, other))
        .penalizesBy(15);
  }

  @Test
  void penalizesNothingWhenPotentialWithinToleranceBand() {
    verifier
        .verifyThat(TerritoryConstraintProvider::potentialBand)
        .given(
            assigned("A1", "SMB", 60, 0, null, SMB_REP),
            assigned("A2", "SMB", 50, 0, null, SMB_REP))
        .penalizesBy(0);
  }

  @Test
  void penalizesRepLeftWithoutAccountsByTheBandFloor() {
    Territory empty = territory("R3", "SMB", 1.0, 10_000, null);
    verifier
        .verifyThat(TerritoryConstraintProvider::emptyTerritory)
        .given(empty, SMB_REP, assigned("A1", "SMB", 100, 0, null, SMB_REP))
        .penalizesBy(90);
  }

  @Test
  void penalizesPotentialAsSquaredLoadPerCapacity() {
    Territory half = territory("R3", "SMB", 2.0, 10_000, null);
    // R1: 0.5 * 30^2 / 1 = 450; R3: 0.5 * 20^2 / 2 = 100.
    verifier
        .verifyThat(TerritoryConstraintProvider::potentialBalance)
        .given(
            assigned("A1", "SMB", 10, 0, null, SMB_REP),
            assigned("A2", "SMB", 20, 0, null, SMB_REP),
            assigned("A3", "SMB", 20, 0, null, half))
        .penalizesBy(550);
  }

  @Test
  void penalizesEvenPotentialSplitLessThanUnevenSplit() {
    Territory other = territory("R3", "SMB", 1.0, 10_000, null);
    // Same total of 40 points: 20/20 costs 0.5*(400+400) = 400, 30/10 costs 0.5*(900+100) = 500.
    verifier
        .verifyThat(TerritoryConstraintProvider::potentialBalance)
        .given(
            assigned("A1", "SMB", 20, 0, null, SMB_REP), assigned("A2", "SMB", 20, 0, null, other))
        .penalizesBy(400);
    verifier
        .verifyThat(TerritoryConstraintProvider::potentialBalance)
        .given(
            assigned("A1", "SMB", 30, 0, null, SMB_REP), assigned("A2", "SMB", 10, 0, null, other))
        .penalizesBy(500);
  }

  @Test
  void penalizesWorkloadAsSquaredLoadPerCapacity() {
    // 0.25 * (1000 + 3000)^2 / 1 = 4,000,000.
    verifier
        .verifyThat(TerritoryConstraintProvider::workloadBalance)
        .given(
            assigned("A1", "SMB", 0, 1_000, null, SMB_REP),
            assigned("A2", "SMB", 0, 3_000, null, SMB_REP))
        .penalizesBy(4_000_000);
  }

  @Test
  void penalizesAccountTakenFromItsIncumbentRep() {
    verifier
        .verifyThat(TerritoryConstraintProvider::disruption)
        .given(assigned("A1", "SMB", 10, 0, "R9", SMB_REP))
        .penalizesBy(1000);
  }

  @Test
  void penalizesNothingForKeptOrNewAccounts() {
    verifier
        .verifyThat(TerritoryConstraintProvider::disruption)
        .given(
            assigned("A1", "SMB", 10, 0, "R1", SMB_REP),
            assigned("A2", "SMB", 10, 0, null, SMB_REP))
        .penalizesBy(0);
  }

  @Test
  void penalizesTravelByDistanceFromRepHome() {
    Territory atOrigin = territory("R3", "SMB", 1.0, 10_000, new GeoPoint(0, 0));
    // One degree of longitude on the equator is 111.195 km; 10 points per km.
    Account account = new Account("A1", "SMB", 10, 0, new GeoPoint(0, 1), null, null);
    verifier
        .verifyThat(TerritoryConstraintProvider::travel)
        .given(new AccountAssignment(account, 10, 0, null, 1000, atOrigin))
        .penalizesBy(1112);
  }

  @Test
  void skipsTravelWhenLocationUnknown() {
    Territory atOrigin = territory("R3", "SMB", 1.0, 10_000, new GeoPoint(0, 0));
    verifier
        .verifyThat(TerritoryConstraintProvider::travel)
        .given(
            assigned("A1", "SMB", 10, 0, null, atOrigin),
            new AccountAssignment(
                new Account("A2", "SMB", 10, 0, new GeoPoint(0, 1), null, null),
                10,
                0,
                null,
                1000,
                SMB_REP))
        .penalizesBy(0);
  }

  /** Workload band 900..1100 milli-hours, 2 medium points per milli-hour outside it. */
  private static Territory withWorkBand(String id) {
    return new Territory(
        new Rep(id, "SMB", 1.0, Double.POSITIVE_INFINITY, null),
        Long.MAX_VALUE,
        0,
        0,
        0,
        0,
        Long.MAX_VALUE,
        900,
        1100,
        2.0);
  }

  @Test
  void penalizesWorkloadOutsideItsBandByTheExcessInPoints() {
    Territory high = withWorkBand("R1");
    Territory low = withWorkBand("R3");
    // R1 at 1200 is 100 above, R3 at 850 is 50 below: 150 milli-hours x 2 points.
    verifier
        .verifyThat(TerritoryConstraintProvider::workloadBand)
        .given(
            assigned("A1", "SMB", 10, 700, null, high),
            assigned("A2", "SMB", 10, 500, null, high),
            assigned("A3", "SMB", 10, 850, null, low))
        .penalizesBy(300);
  }

  @Test
  void penalizesNothingWhenWorkloadWithinItsBand() {
    Territory rep = withWorkBand("R1");
    verifier
        .verifyThat(TerritoryConstraintProvider::workloadBand)
        .given(assigned("A1", "SMB", 10, 600, null, rep), assigned("A2", "SMB", 10, 450, null, rep))
        .penalizesBy(0);
  }

  @Test
  void penalizesAccountsTakenFromTheirRepBeyondTheMoveBudget() {
    // Three accounts taken from R9 (who could keep them), one kept, one new: 3 moved, budget 1.
    verifier
        .verifyThat(TerritoryConstraintProvider::moveBudget)
        .given(
            new MoveBudget(1),
            assigned("A1", "SMB", 10, 0, "R9", SMB_REP),
            assigned("A2", "SMB", 10, 0, "R9", SMB_REP),
            assigned("A3", "SMB", 10, 0, "R9", SMB_REP),
            assigned("A4", "SMB", 10, 0, "R1", SMB_REP),
            assigned("A5", "SMB", 10, 0, null, SMB_REP))
        .penalizesBy(2);
  }

  @Test
  void penalizesNothingWhenMovesWithinTheBudgetOrWithoutOne() {
    verifier
        .verifyThat(TerritoryConstraintProvider::moveBudget)
        .given(
            new MoveBudget(2),
            assigned("A1", "SMB", 10, 0, "R9", SMB_REP),
            assigned("A2", "SMB", 10, 0, "R9", SMB_REP))
        .penalizesBy(0);
    verifier
        .verifyThat(TerritoryConstraintProvider::moveBudget)
        .given(assigned("A1", "SMB", 10, 0, "R9", SMB_REP))
        .penalizesBy(0);
  }

  @Test
  void countsDisruptionOnlyForAccountsTakenFromARepWhoCouldKeepThem() {
    // Stability: moved back to its incumbent or never owned costs nothing; taken costs 1000.
    verifier
        .verifyThat(TerritoryConstraintProvider::disruption)
        .given(
            assigned("A1", "SMB", 10, 0, "R1", SMB_REP),
            assigned("A2", "SMB", 10, 0, null, SMB_REP),
            assigned("A3", "SMB", 10, 0, "R1", ENT_REP))
        .penalizesBy(1000);
  }
}
