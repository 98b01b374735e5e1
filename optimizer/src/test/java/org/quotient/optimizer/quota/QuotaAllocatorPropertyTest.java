package org.quotient.optimizer.quota;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Seeded random plans: checks that hold for every input, whatever the numbers. */
class QuotaAllocatorPropertyTest {
  private static final double[] MAX_CHANGES = {0, 0.05, 0.2, 0.5, 1.5, Double.POSITIVE_INFINITY};
  private static final double[] OVER_ASSIGNMENTS = {0, 0.05, 0.1};

  @Test
  void noQuotaChangesMoreThanCap() {
    Random random = new Random(20261123L);
    int feasible = 0;
    int infeasible = 0;
    int capped = 0;
    for (int c = 0; c < 3000; c++) {
      List<QuotaRep> reps = randomReps(random);
      QuotaSettings settings =
          new QuotaSettings(
              randomTarget(reps, random),
              random.nextInt(5) / 4.0,
              MAX_CHANGES[random.nextInt(MAX_CHANGES.length)],
              OVER_ASSIGNMENTS[random.nextInt(OVER_ASSIGNMENTS.length)]);
      String where = "case " + c + ": " + reps + " " + settings;

      Bounds bounds = Bounds.of(reps, settings);
      long amount = settings.amountToSpread().movePointRight(2).longValueExact();
      if (bounds.noShares) {
        assertThrows(QuotaException.class, () -> QuotaAllocator.allocate(reps, settings), where);
        continue;
      }
      if (bounds.atLeast > amount || (!bounds.unbounded && bounds.atMost < amount)) {
        assertThrows(QuotaException.class, () -> QuotaAllocator.allocate(reps, settings), where);
        infeasible++;
        continue;
      }
      QuotaPlan plan = QuotaAllocator.allocate(reps, settings);
      feasible++;

      long sum = 0;
      for (int i = 0; i < reps.size(); i++) {
        RepQuota q = plan.quotas().get(i);
        assertEquals(reps.get(i).repId(), q.repId(), where);
        assertEquals(2, q.quota().scale(), where);
        long cents = q.quota().movePointRight(2).longValueExact();
        sum += cents;
        assertTrue(cents >= bounds.lo[i], where + " " + q + " below floor " + bounds.lo[i]);
        assertTrue(cents <= bounds.hi[i], where + " " + q + " above ceiling " + bounds.hi[i]);
        QuotaExplanation e = q.explanation();
        assertEquals(
            q.quota(),
            e.beforeCaps()
                .add(e.capAdjustment())
                .add(e.redistribution())
                .add(BigDecimal.valueOf(e.roundingCents(), 2)),
            where);
        assertTrue(Math.abs(e.roundingCents()) <= 1, where + " " + q);
        if (e.cap().kind() != CapBound.Kind.NONE) {
          capped++;
        }
      }
      assertEquals(amount, sum, where);
      assertEquals(settings.amountToSpread(), plan.total(), where);
      assertProportionalWhereFree(reps, plan, bounds, where);
    }
    // the seed gives 2887 feasible plans, 107 infeasible ones and 7213 capped quotas
    assertTrue(feasible > 2500, "feasible cases: " + feasible);
    assertTrue(infeasible > 50, "infeasible cases: " + infeasible);
    assertTrue(capped > 5000, "capped quotas: " + capped);
  }

  /**
   * The allocation is clamp(lambda * raw): reps strictly inside their bounds get the same quota per
   * unit of raw share (up to a cent each), reps at a ceiling would have got more, reps at a floor
   * would have got less.
   */
  private static void assertProportionalWhereFree(
      List<QuotaRep> reps, QuotaPlan plan, Bounds bounds, String where) {
    int n = reps.size();
    double[] q = new double[n];
    for (int i = 0; i < n; i++) {
      q[i] = plan.quotas().get(i).quota().movePointRight(2).doubleValue();
    }
    for (int j = 0; j < n; j++) {
      boolean free = bounds.raw[j] > 0 && q[j] > bounds.lo[j] + 1 && q[j] < bounds.hi[j] - 1;
      if (!free) {
        continue;
      }
      for (int i = 0; i < n; i++) {
        double ri = bounds.raw[i];
        double rj = bounds.raw[j];
        double tolerance = 1.0 * (ri + rj) + 1e-9 * (q[i] * rj + q[j] * ri);
        boolean iFree = ri > 0 && q[i] > bounds.lo[i] + 1 && q[i] < bounds.hi[i] - 1;
        if (iFree) {
          assertTrue(Math.abs(q[i] * rj - q[j] * ri) <= tolerance, where + " reps " + i + "," + j);
        } else if (q[i] >= bounds.hi[i] - 1 && bounds.hi[i] > bounds.lo[i] + 1) {
          assertTrue(q[i] * rj <= q[j] * ri + tolerance, where + " ceiling rep " + i);
        } else if (ri > 0 && q[i] <= bounds.lo[i] + 1 && bounds.hi[i] > bounds.lo[i] + 1) {
          assertTrue(q[i] * rj >= q[j] * ri - tolerance, where + " floor rep " + i);
        }
      }
    }
  }

  /** Near what the reps carried last year (0.7x to 1.3x), so caps bind often but not always. */
  private static BigDecimal randomTarget(List<QuotaRep> reps, Random random) {
    double last = 0;
    for (QuotaRep rep : reps) {
      last += rep.previousQuota() == null ? 5_000_000 : rep.previousQuota();
    }
    long cents = Math.round(last * (0.7 + 0.6 * random.nextDouble()) * 100);
    return BigDecimal.valueOf(Math.max(1, cents), 2);
  }

  private static List<QuotaRep> randomReps(Random random) {
    int n = 1 + random.nextInt(15);
    List<QuotaRep> reps = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double potential = random.nextInt(5) == 0 ? 0 : random.nextInt(100_000_000) / 100.0;
      double history = random.nextInt(5) == 0 ? 0 : random.nextInt(100_000_000) / 100.0;
      int kind = random.nextInt(20);
      Double previous =
          kind < 9 ? null : kind == 9 ? 0.0 : (1_000_000 + random.nextInt(99_000_000)) / 10.0;
      double ramp = random.nextInt(10) < 7 ? 1 : 0.1 + random.nextInt(90) / 100.0;
      reps.add(
          new QuotaRep("rep" + random.nextInt(1000) + "-" + i, potential, history, previous, ramp));
    }
    return reps;
  }

  /** The bounds and raw shares, computed independently of the allocator, in input order. */
  private record Bounds(
      long[] lo,
      long[] hi,
      double[] raw,
      long atLeast,
      long atMost,
      boolean unbounded,
      boolean noShares) {
    static Bounds of(List<QuotaRep> reps, QuotaSettings settings) {
      int n = reps.size();
      double sumP = reps.stream().mapToDouble(QuotaRep::territoryPotential).sum();
      double sumH = reps.stream().mapToDouble(QuotaRep::territoryHistory).sum();
      double w = sumH == 0 ? 1 : sumP == 0 ? 0 : settings.potentialWeight();
      long[] lo = new long[n];
      long[] hi = new long[n];
      double[] raw = new double[n];
      long atLeast = 0;
      long atMost = 0;
      boolean unbounded = false;
      for (int i = 0; i < n; i++) {
        QuotaRep rep = reps.get(i);
        double share =
            (sumP == 0 ? 0 : w * rep.territoryPotential() / sumP)
                + (sumH == 0 ? 0 : (1 - w) * rep.territoryHistory() / sumH);
        raw[i] = share * rep.rampFactor();
        if (rep.previousQuota() == null
            || rep.previousQuota() == 0
            || settings.maxChange() == Double.POSITIVE_INFINITY) {
          hi[i] = Long.MAX_VALUE;
        } else {
          BigDecimal prev = BigDecimal.valueOf(rep.previousQuota());
          BigDecimal m = BigDecimal.valueOf(settings.maxChange());
          BigDecimal floor = prev.multiply(BigDecimal.ONE.subtract(m)).max(BigDecimal.ZERO);
          lo[i] = floor.setScale(2, RoundingMode.CEILING).movePointRight(2).longValueExact();
          hi[i] =
              prev.multiply(BigDecimal.ONE.add(m))
                  .setScale(2, RoundingMode.FLOOR)
                  .movePointRight(2)
                  .longValueExact();
        }
        atLeast += lo[i];
        if (raw[i] > 0) {
          unbounded |= hi[i] == Long.MAX_VALUE;
          atMost += hi[i] == Long.MAX_VALUE ? 0 : hi[i];
        } else {
          atMost += lo[i];
        }
      }
      return new Bounds(lo, hi, raw, atLeast, atMost, unbounded, sumP == 0 && sumH == 0);
    }
  }
}
