package org.quotient.optimizer.quota;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class QuotaAllocatorTest {

  private static final double NO_CAP = Double.POSITIVE_INFINITY;

  private static BigDecimal usd(String amount) {
    return new BigDecimal(amount);
  }

  private static QuotaSettings settings(
      String target, double weight, double maxChange, double over) {
    return new QuotaSettings(usd(target), weight, maxChange, over);
  }

  private static RepQuota quotaOf(QuotaPlan plan, String repId) {
    return plan.quotaOf(repId).orElseThrow();
  }

  private static void assertQuotas(QuotaPlan plan, String... repIdThenQuota) {
    for (int i = 0; i < repIdThenQuota.length; i += 2) {
      assertEquals(
          usd(repIdThenQuota[i + 1]),
          quotaOf(plan, repIdThenQuota[i]).quota(),
          "quota of " + repIdThenQuota[i]);
    }
  }

  @Test
  void quotasSumExactlyToTargetToTheCent() {
    List<QuotaRep> reps =
        List.of(
            QuotaRep.ramped("c", 1, 1, null),
            QuotaRep.ramped("a", 1, 1, null),
            QuotaRep.ramped("b", 1, 1, null));

    QuotaPlan plan = QuotaAllocator.allocate(reps, settings("100.00", 0.5, NO_CAP, 0));

    // thirds: the one spare cent goes to the first repId in the tie
    assertQuotas(plan, "a", "33.34", "b", "33.33", "c", "33.33");
    assertEquals(usd("100.00"), plan.total());
    assertEquals(List.of("c", "a", "b"), plan.quotas().stream().map(RepQuota::repId).toList());
    assertEquals(1, quotaOf(plan, "a").explanation().roundingCents());
    assertEquals(0, quotaOf(plan, "b").explanation().roundingCents());
  }

  @Test
  void quotasSumExactlyForAwkwardSevenths() {
    List<QuotaRep> reps = new ArrayList<>();
    for (int i = 1; i <= 7; i++) {
      reps.add(QuotaRep.ramped("r" + i, i, 0, null));
    }

    QuotaPlan plan = QuotaAllocator.allocate(reps, settings("1000000.01", 1, NO_CAP, 0.03));

    // 1,030,000.0103 rounds to 1,030,000.01; r_i gets i/28 of it. Floors leave 4 cents, which go
    // to the largest fractional cents: r2 (.93), r4 (.86), r6 (.79), r1 (.46); r7 (.25) keeps .00
    assertEquals(usd("1030000.01"), plan.total());
    assertEquals(
        usd("1030000.01"),
        plan.quotas().stream().map(RepQuota::quota).reduce(BigDecimal.ZERO, BigDecimal::add));
    assertQuotas(
        plan,
        "r1",
        "36785.72",
        "r2",
        "73571.43",
        "r3",
        "110357.14",
        "r4",
        "147142.86",
        "r5",
        "183928.57",
        "r6",
        "220714.29",
        "r7",
        "257500.00");
  }

  @Test
  void splitsByPotentialWhenWeightIsOne() {
    List<QuotaRep> reps =
        List.of(
            QuotaRep.ramped("a", 600, 0, null),
            QuotaRep.ramped("b", 300, 0, null),
            QuotaRep.ramped("c", 100, 5000, null));

    QuotaPlan plan = QuotaAllocator.allocate(reps, settings("1000000", 1, NO_CAP, 0));

    assertQuotas(plan, "a", "600000.00", "b", "300000.00", "c", "100000.00");
    assertEquals(ShareBasis.BLENDED, plan.basis());
  }

  @Test
  void splitsByHistoryWhenWeightIsZero() {
    List<QuotaRep> reps =
        List.of(QuotaRep.ramped("a", 900, 250, null), QuotaRep.ramped("b", 100, 750, null));

    QuotaPlan plan = QuotaAllocator.allocate(reps, settings("1000000", 0, NO_CAP, 0));

    assertQuotas(plan, "a", "250000.00", "b", "750000.00");
  }

  @Test
  void blendsPotentialAndHistory() {
    // potential 50/50, history 80/20, blended 70/30: a = 0.7 * 0.5 + 0.3 * 0.8 = 0.59
    List<QuotaRep> reps =
        List.of(QuotaRep.ramped("a", 500, 800, null), QuotaRep.ramped("b", 500, 200, null));

    QuotaPlan plan = QuotaAllocator.allocate(reps, settings("1000000", 0.7, NO_CAP, 0));

    assertQuotas(plan, "a", "590000.00", "b", "410000.00");
    QuotaExplanation a = quotaOf(plan, "a").explanation();
    assertEquals(0.5, a.potentialShare(), 1e-12);
    assertEquals(0.8, a.historyShare(), 1e-12);
    assertEquals(0.59, a.blendedShare(), 1e-12);
  }

  @Test
  void usesPotentialAloneWhenNoRepHasHistory() {
    List<QuotaRep> reps =
        List.of(QuotaRep.ramped("a", 750, 0, null), QuotaRep.ramped("b", 250, 0, null));

    QuotaPlan plan = QuotaAllocator.allocate(reps, settings("1000000", 0.3, NO_CAP, 0));

    assertQuotas(plan, "a", "750000.00", "b", "250000.00");
    assertEquals(ShareBasis.POTENTIAL_ONLY, plan.basis());
    assertEquals(1.0, quotaOf(plan, "a").explanation().potentialWeight());
    assertEquals(
        "75.0% of territory potential (no rep has history, so potential alone) of $1,000,000"
            + " (the target); fully ramped, $750,000 before caps; quota $750,000.",
        quotaOf(plan, "a").explanation().text());
  }

  @Test
  void usesHistoryAloneWhenNoRepHasPotential() {
    List<QuotaRep> reps =
        List.of(QuotaRep.ramped("a", 0, 100, null), QuotaRep.ramped("b", 0, 300, null));

    QuotaPlan plan = QuotaAllocator.allocate(reps, settings("1000000", 0.7, NO_CAP, 0));

    assertQuotas(plan, "a", "250000.00", "b", "750000.00");
    assertEquals(ShareBasis.HISTORY_ONLY, plan.basis());
  }

  @Test
  void rampedNewHireGetsProportionallyLess() {
    List<QuotaRep> reps =
        List.of(
            new QuotaRep("veteran", 500, 500, 400000.0, 1.0),
            new QuotaRep("newHire", 500, 500, null, 0.5));

    QuotaPlan plan = QuotaAllocator.allocate(reps, settings("900000", 0.7, NO_CAP, 0));

    // equal shares, half the productivity: 2/3 and 1/3
    assertQuotas(plan, "veteran", "600000.00", "newHire", "300000.00");
    assertEquals(0.5, quotaOf(plan, "newHire").explanation().rampFactor());
  }

  @Test
  void capsIncreaseAtMaxChangeAndRedistributesToOthers() {
    // before caps 600k / 200k / 200k; a may rise to 120k at most, freeing 480k; c then hits its
    // own ceiling of 300k and b, the only uncapped rep, takes the rest
    List<QuotaRep> reps =
        List.of(
            QuotaRep.ramped("a", 600, 0, 100000.0),
            QuotaRep.ramped("b", 200, 0, null),
            QuotaRep.ramped("c", 200, 0, 250000.0));

    QuotaPlan plan = QuotaAllocator.allocate(reps, settings("1000000", 1, 0.2, 0));

    assertQuotas(plan, "a", "120000.00", "b", "580000.00", "c", "300000.00");
    QuotaExplanation a = quotaOf(plan, "a").explanation();
    assertEquals(CapBound.ceiling(usd("120000.00")), a.cap());
    assertEquals(usd("600000.00"), a.beforeCaps());
    assertEquals(usd("-480000.00"), a.capAdjustment());
    assertEquals(usd("0.00"), a.redistribution());
    QuotaExplanation b = quotaOf(plan, "b").explanation();
    assertEquals(CapBound.NONE, b.cap());
    assertEquals(usd("380000.00"), b.redistribution());
    assertEquals(CapBound.ceiling(usd("300000.00")), quotaOf(plan, "c").explanation().cap());
  }

  @Test
  void capsDecreaseAtMaxChange() {
    List<QuotaRep> reps =
        List.of(QuotaRep.ramped("a", 100, 0, 500000.0), QuotaRep.ramped("b", 900, 0, null));

    QuotaPlan plan = QuotaAllocator.allocate(reps, settings("1000000", 1, 0.2, 0));

    assertQuotas(plan, "a", "400000.00", "b", "600000.00");
    assertEquals(CapBound.floor(usd("400000.00")), quotaOf(plan, "a").explanation().cap());
    assertEquals(usd("300000.00"), quotaOf(plan, "a").explanation().capAdjustment());
    assertEquals(usd("-300000.00"), quotaOf(plan, "b").explanation().redistribution());
    assertEquals(
        "10.0% of territory potential (no rep has history, so potential alone) of $1,000,000"
            + " (the target); fully ramped, $100,000 before caps; held at -20% of last year's"
            + " $500,000 = $400,000; quota $400,000.",
        quotaOf(plan, "a").explanation().text());
    assertEquals(
        "90.0% of territory potential (no rep has history, so potential alone) of $1,000,000"
            + " (the target); fully ramped, $900,000 before caps; no previous quota, so no cap;"
            + " less $300,000 to hold capped reps at their floor; quota $600,000.",
        quotaOf(plan, "b").explanation().text());
  }

  @Test
  void leavesQuotaAloneWhenChangeIsWithinCap() {
    List<QuotaRep> reps =
        List.of(QuotaRep.ramped("a", 550, 0, 500000.0), QuotaRep.ramped("b", 450, 0, 500000.0));

    QuotaPlan plan = QuotaAllocator.allocate(reps, settings("1000000", 1, 0.2, 0));

    assertQuotas(plan, "a", "550000.00", "b", "450000.00");
    assertEquals(CapBound.NONE, quotaOf(plan, "a").explanation().cap());
  }

  @Test
  void zeroMaxChangeKeepsLastYearsQuota() {
    // a would get 500,000 before caps but may not move from 333,333.33
    List<QuotaRep> reps =
        List.of(QuotaRep.ramped("a", 1, 0, 333333.33), QuotaRep.ramped("b", 1, 0, null));

    QuotaPlan plan = QuotaAllocator.allocate(reps, settings("1000000", 1, 0, 0));

    assertQuotas(plan, "a", "333333.33", "b", "666666.67");
    assertEquals(CapBound.ceiling(usd("333333.33")), quotaOf(plan, "a").explanation().cap());
  }

  @Test
  void takesPreviousQuotaToTheCentSoBoundsNeverCross() {
    // 100,000.005 is taken as 100,000.00 (half-even), so a zero change still leaves a cent value
    List<QuotaRep> reps =
        List.of(QuotaRep.ramped("a", 1, 0, 100000.005), QuotaRep.ramped("b", 1, 0, null));

    QuotaPlan plan = QuotaAllocator.allocate(reps, settings("1000000", 1, 0, 0));

    assertQuotas(plan, "a", "100000.00", "b", "900000.00");
  }

  @Test
  void roundsBoundsInwardToCents() {
    // +-10% of 1,000.05: floor 900.045 -> 900.05, ceiling 1,100.055 -> 1,100.05
    List<QuotaRep> reps =
        List.of(QuotaRep.ramped("a", 999, 0, 1000.05), QuotaRep.ramped("b", 1, 0, null));

    QuotaPlan plan = QuotaAllocator.allocate(reps, settings("10000", 1, 0.1, 0));

    assertQuotas(plan, "a", "1100.05", "b", "8899.95");
  }

  @Test
  void previousQuotaOfZeroDoesNotPinRepAtZero() {
    List<QuotaRep> reps =
        List.of(QuotaRep.ramped("a", 1, 0, 0.0), QuotaRep.ramped("b", 3, 0, 100000.0));

    QuotaPlan plan = QuotaAllocator.allocate(reps, settings("400000", 1, 0.5, 0));

    // b is held at +50% of 100,000; a, with nothing carried last year, takes the rest
    assertQuotas(plan, "a", "250000.00", "b", "150000.00");
    assertEquals(CapBound.NONE, quotaOf(plan, "a").explanation().cap());
  }

  @Test
  void overAssignmentRaisesTotal() {
    List<QuotaRep> reps =
        List.of(QuotaRep.ramped("a", 600, 0, null), QuotaRep.ramped("b", 400, 0, null));

    QuotaPlan plan = QuotaAllocator.allocate(reps, settings("1000000", 1, NO_CAP, 0.05));

    assertEquals(usd("1050000.00"), plan.total());
    assertQuotas(plan, "a", "630000.00", "b", "420000.00");
  }

  @Test
  void sameInputInAnyOrderGivesSameQuotas() {
    List<QuotaRep> reps = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      reps.add(new QuotaRep("r" + i, 1, 1, i % 2 == 0 ? 10000.0 : null, i % 3 == 0 ? 0.5 : 1));
    }
    QuotaSettings settings = settings("100000", 0.6, 0.1, 0.05);
    QuotaPlan first = QuotaAllocator.allocate(reps, settings);
    List<QuotaRep> shuffled = new ArrayList<>(reps);
    Collections.shuffle(shuffled, new Random(7));

    QuotaPlan second = QuotaAllocator.allocate(shuffled, settings);

    for (QuotaRep rep : reps) {
      assertEquals(quotaOf(first, rep.repId()), quotaOf(second, rep.repId()));
    }
    assertEquals(usd("105000.00"), second.total());
  }

  @Test
  void explanationNamesEveryComponent() {
    List<QuotaRep> reps =
        List.of(
            new QuotaRep("ana", 121, 104, 1000000.0, 1.0),
            new QuotaRep("ben", 300, 400, 4500000.0, 1.0),
            new QuotaRep("cho", 579, 496, null, 0.5));
    QuotaSettings settings = settings("10000000", 0.7, 0.2, 0.05);

    QuotaPlan plan = QuotaAllocator.allocate(reps, settings);

    assertEquals(usd("10500000.00"), plan.total());
    for (RepQuota q : plan.quotas()) {
      QuotaExplanation e = q.explanation();
      BigDecimal sum =
          e.beforeCaps()
              .add(e.capAdjustment())
              .add(e.redistribution())
              .add(BigDecimal.valueOf(e.roundingCents(), 2));
      assertEquals(q.quota(), sum, "components of " + q.repId() + " add up to its quota");
    }
    QuotaExplanation ana = quotaOf(plan, "ana").explanation();
    assertEquals(0.121, ana.potentialShare(), 1e-12);
    assertEquals(0.104, ana.historyShare(), 1e-12);
    assertEquals(0.7 * 0.121 + 0.3 * 0.104, ana.blendedShare(), 1e-12);
    assertEquals(ShareBasis.BLENDED, ana.basis());
    assertEquals(0.7, ana.potentialWeight());
    assertEquals(1.0, ana.rampFactor());
    assertEquals(CapBound.ceiling(usd("1200000.00")), ana.cap());
    assertEquals(
        "12.1% of territory potential and 10.4% of history blended 70/30 = 11.6% of $10,500,000"
            + " (target plus 5% over-assignment); fully ramped, "
            + "$1,683,311.43 before caps; capped at +20% of last year's $1,000,000 = $1,200,000;"
            + " quota $1,200,000.",
        ana.text());
    assertEquals(
        "30.0% of territory potential and 40.0% of history blended 70/30 = 33.0% of $10,500,000"
            + " (target plus 5% over-assignment); fully ramped, $4,792,862.58 before caps;"
            + " within +-20% of last year's $4,500,000; plus $262,734.16 freed by capped reps;"
            + " quota $5,055,596.74.",
        quotaOf(plan, "ben").explanation().text());
    assertEquals(
        "57.9% of territory potential and 49.6% of history blended 70/30 = 55.4% of $10,500,000"
            + " (target plus 5% over-assignment); ramp 0.50, $4,023,825.99 before caps;"
            + " no previous quota, so no cap; plus $220,577.27 freed by capped reps;"
            + " quota $4,244,403.26.",
        quotaOf(plan, "cho").explanation().text());
  }

  @Test
  void rejectsTargetUnreachableUnderCaps() {
    List<QuotaRep> reps =
        List.of(QuotaRep.ramped("a", 1, 1, 400000.0), QuotaRep.ramped("b", 1, 1, 400000.0));

    QuotaException e =
        assertThrows(
            QuotaException.class,
            () -> QuotaAllocator.allocate(reps, settings("1000000", 0.5, 0.2, 0.05)));

    assertEquals(
        "the target $1,000,000 cannot be met: every rep is capped at +20% of last year's quota,"
            + " which allows at most $960,000 but the quotas must sum to $1,050,000 (the target"
            + " plus 5% over-assignment); raise --max-quota-change, lower --target or"
            + " --over-assignment, or add reps without a previous quota",
        e.getMessage());
  }

  @Test
  void rejectsTargetUnreachableWhenOnlyUncappedRepsHaveNoShare() {
    List<QuotaRep> reps =
        List.of(QuotaRep.ramped("a", 1, 1, 400000.0), QuotaRep.ramped("b", 0, 0, null));

    QuotaException e =
        assertThrows(
            QuotaException.class,
            () -> QuotaAllocator.allocate(reps, settings("1000000", 0.5, 0.25, 0)));

    assertEquals(
        "the target $1,000,000 cannot be met: every rep with territory potential or history is"
            + " capped at +25% of last year's quota, which allows at most $500,000 but the quotas"
            + " must sum to $1,000,000; raise --max-quota-change, lower --target, or add reps"
            + " without a previous quota",
        e.getMessage());
  }

  @Test
  void rejectsTargetBelowFloorsOfCappedReps() {
    List<QuotaRep> reps =
        List.of(QuotaRep.ramped("a", 1, 1, 1000000.0), QuotaRep.ramped("b", 1, 1, 1000000.0));

    QuotaException e =
        assertThrows(
            QuotaException.class,
            () -> QuotaAllocator.allocate(reps, settings("1000000", 0.5, 0.2, 0)));

    assertEquals(
        "the target $1,000,000 cannot be met: reps with a previous quota may drop at most 20%"
            + " below last year's quota, which needs at least $1,600,000 but the quotas must sum"
            + " to $1,000,000; raise --max-quota-change, raise --target, or take reps out of the"
            + " plan",
        e.getMessage());
  }

  @Test
  void rejectsNoReps() {
    QuotaException e =
        assertThrows(
            QuotaException.class,
            () -> QuotaAllocator.allocate(List.of(), settings("1000000", 0.5, 0.2, 0)));

    assertEquals(
        "there are no reps to allocate the target to; add at least one rep to the plan",
        e.getMessage());
  }

  @Test
  void rejectsRepsWithoutAnyPotentialOrHistory() {
    List<QuotaRep> reps =
        List.of(QuotaRep.ramped("a", 0, 0, null), QuotaRep.ramped("b", 0, 0, 5.0));

    QuotaException e =
        assertThrows(
            QuotaException.class,
            () -> QuotaAllocator.allocate(reps, settings("1000000", 0.5, 0.2, 0)));

    assertEquals(
        "all 2 reps have zero territory potential and zero history, so there is nothing to split"
            + " the target by; check that potential and bookings reached the quota step",
        e.getMessage());
  }

  @Test
  void rejectsDuplicateRep() {
    List<QuotaRep> reps =
        List.of(QuotaRep.ramped("a", 1, 0, null), QuotaRep.ramped("a", 2, 0, null));

    QuotaException e =
        assertThrows(
            QuotaException.class,
            () -> QuotaAllocator.allocate(reps, settings("1000000", 0.5, 0.2, 0)));

    assertEquals(
        "rep a appears more than once; list each rep once in the reps input", e.getMessage());
  }
}
