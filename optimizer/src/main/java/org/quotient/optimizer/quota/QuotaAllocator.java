package org.quotient.optimizer.quota;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Spreads a company target over reps.
 *
 * <ol>
 *   <li>share = w * potential / sum(potential) + (1 - w) * history / sum(history); potential alone
 *       when no rep has history, history alone when no rep has potential;
 *   <li>raw = share * rampFactor;
 *   <li>amount S = target * (1 + overAssignment), in cents;
 *   <li>bounds: a rep with a previous quota p (taken to the cent, half-even) gets [p * (1 -
 *       maxChange), p * (1 + maxChange)], rounded inward to cents and the floor never below 0; a
 *       rep without one, or any rep when maxChange is infinite, gets [0, infinity);
 *   <li>q = clamp(lambda * raw, lo, hi) with sum(q) = S, lambda found exactly by water-filling over
 *       the breakpoints lo / raw and hi / raw;
 *   <li>rounding to cents by largest remainder (ties by repId) so the sum is exactly S and no bound
 *       is broken.
 * </ol>
 *
 * <p>Everything is computed over the reps sorted by repId, so the result does not depend on the
 * order of the input; quotas come back in the input order.
 */
public final class QuotaAllocator {
  private static final long NO_CEILING = Long.MAX_VALUE;

  private QuotaAllocator() {}

  public static QuotaPlan allocate(List<QuotaRep> reps, QuotaSettings settings) {
    if (reps == null || reps.isEmpty()) {
      throw QuotaErrors.noReps();
    }
    if (settings == null) {
      throw QuotaErrors.missingTarget();
    }
    Set<String> seen = new HashSet<>();
    for (QuotaRep rep : reps) {
      if (!seen.add(rep.repId())) {
        throw QuotaErrors.duplicateRep(rep.repId());
      }
    }
    List<QuotaRep> sorted = new ArrayList<>(reps);
    sorted.sort(Comparator.comparing(QuotaRep::repId));
    int n = sorted.size();

    // 1. shares
    double sumPotential = 0;
    double sumHistory = 0;
    for (QuotaRep rep : sorted) {
      sumPotential += rep.territoryPotential();
      sumHistory += rep.territoryHistory();
    }
    if (sumPotential == 0 && sumHistory == 0) {
      throw QuotaErrors.allSharesZero(n);
    }
    ShareBasis basis;
    double weight;
    if (sumHistory == 0) {
      basis = ShareBasis.POTENTIAL_ONLY;
      weight = 1;
    } else if (sumPotential == 0) {
      basis = ShareBasis.HISTORY_ONLY;
      weight = 0;
    } else {
      basis = ShareBasis.BLENDED;
      weight = settings.potentialWeight();
    }
    double[] potentialShare = new double[n];
    double[] historyShare = new double[n];
    double[] share = new double[n];
    double[] raw = new double[n];
    double sumRaw = 0;
    for (int i = 0; i < n; i++) {
      QuotaRep rep = sorted.get(i);
      potentialShare[i] = sumPotential == 0 ? 0 : rep.territoryPotential() / sumPotential;
      historyShare[i] = sumHistory == 0 ? 0 : rep.territoryHistory() / sumHistory;
      share[i] = weight * potentialShare[i] + (1 - weight) * historyShare[i];
      raw[i] = share[i] * rep.rampFactor();
      sumRaw += raw[i];
    }
    if (!(sumRaw > 0)) {
      throw QuotaErrors.allSharesZero(n);
    }

    // 2. amount and bounds, in cents
    BigDecimal amount = settings.amountToSpread();
    long amountCents = amount.movePointRight(2).longValueExact();
    long[] lo = new long[n];
    long[] hi = new long[n];
    for (int i = 0; i < n; i++) {
      Double previous = sorted.get(i).previousQuota();
      if (previous == null || previous == 0 || !settings.capped()) {
        // a previous quota of 0 carried nothing: +-x% of it would pin the rep at 0
        lo[i] = 0;
        hi[i] = NO_CEILING;
      } else {
        BigDecimal prev = BigDecimal.valueOf(previous).setScale(2, RoundingMode.HALF_EVEN);
        BigDecimal change = BigDecimal.valueOf(settings.maxChange());
        BigDecimal floor = prev.multiply(BigDecimal.ONE.subtract(change));
        lo[i] = floor.signum() <= 0 ? 0 : cents(floor, RoundingMode.CEILING);
        hi[i] = cents(prev.multiply(BigDecimal.ONE.add(change)), RoundingMode.FLOOR);
      }
    }
    checkFeasible(settings, amount, amountCents, raw, lo, hi);

    // 3. water-filling: the lambda with sum(clamp(lambda * raw, lo, hi)) == amount
    double lambda = waterLevel(amountCents, raw, lo, hi);
    double[] exact = new double[n];
    for (int i = 0; i < n; i++) {
      exact[i] = clamp(lambda * raw[i], lo[i], hi[i]);
    }

    // 4. cents, by largest remainder
    long[] quota = roundToCents(exact, amountCents, lo, hi, sorted);

    // 5. explanations
    Map<String, RepQuota> byRep = new HashMap<>();
    for (int i = 0; i < n; i++) {
      QuotaRep rep = sorted.get(i);
      long beforeCaps = Math.round(Math.rint(amountCents * (raw[i] / sumRaw)));
      double level = lambda * raw[i];
      CapBound cap = CapBound.NONE;
      long capAdjustment = 0;
      long redistribution = 0;
      long preRounding;
      if (hi[i] != NO_CEILING && level >= hi[i]) {
        cap = CapBound.ceiling(money(hi[i]));
      } else if (lo[i] > 0 && level <= lo[i]) {
        cap = CapBound.floor(money(lo[i]));
      }
      if (cap.kind() != CapBound.Kind.NONE) {
        preRounding = cap.kind() == CapBound.Kind.CEILING ? hi[i] : lo[i];
        capAdjustment = preRounding - beforeCaps;
      } else {
        preRounding = (long) clamp(Math.rint(exact[i]), lo[i], hi[i]);
        redistribution = preRounding - beforeCaps;
      }
      long rounding = quota[i] - preRounding;
      String text =
          text(
              rep,
              settings,
              basis,
              weight,
              potentialShare[i],
              historyShare[i],
              share[i],
              amount,
              beforeCaps,
              cap,
              redistribution,
              rounding,
              quota[i]);
      QuotaExplanation explanation =
          new QuotaExplanation(
              potentialShare[i],
              historyShare[i],
              share[i],
              basis,
              weight,
              rep.rampFactor(),
              money(beforeCaps),
              cap,
              money(capAdjustment),
              money(redistribution),
              rounding,
              text);
      byRep.put(rep.repId(), new RepQuota(rep.repId(), money(quota[i]), explanation));
    }
    List<RepQuota> quotas = new ArrayList<>(n);
    BigDecimal total = BigDecimal.ZERO.setScale(2);
    for (QuotaRep rep : reps) {
      RepQuota q = byRep.get(rep.repId());
      quotas.add(q);
      total = total.add(q.quota());
    }
    return new QuotaPlan(quotas, total, settings, basis);
  }

  private static void checkFeasible(
      QuotaSettings settings,
      BigDecimal amount,
      long amountCents,
      double[] raw,
      long[] lo,
      long[] hi) {
    long atLeast = 0;
    long atMost = 0;
    boolean unbounded = false;
    boolean everyRepCapped = true;
    for (int i = 0; i < raw.length; i++) {
      atLeast = Math.addExact(atLeast, lo[i]);
      everyRepCapped &= hi[i] != NO_CEILING;
      if (raw[i] > 0) {
        if (hi[i] == NO_CEILING) {
          unbounded = true;
        } else {
          atMost = Math.addExact(atMost, hi[i]);
        }
      } else {
        atMost = Math.addExact(atMost, lo[i]);
      }
    }
    if (atLeast > amountCents) {
      throw QuotaErrors.targetBelowFloors(settings, amount, money(atLeast));
    }
    if (!unbounded && atMost < amountCents) {
      throw QuotaErrors.targetAboveCaps(settings, amount, money(atMost), everyRepCapped);
    }
  }

  /**
   * The exact water level: sum_i clamp(lambda * raw_i, lo_i, hi_i) is piecewise linear and
   * non-decreasing in lambda, with breakpoints where a rep leaves its floor (lo / raw) or reaches
   * its ceiling (hi / raw). Walk the breakpoints in order and solve the linear piece that crosses
   * the amount. Assumes the amount is feasible.
   */
  private static double waterLevel(long amountCents, double[] raw, long[] lo, long[] hi) {
    int n = raw.length;
    List<double[]> events = new ArrayList<>(); // {lambda, index, +1 leaves floor | -1 hits ceiling}
    double constant = 0; // sum of the reps held at a bound
    for (int i = 0; i < n; i++) {
      constant += lo[i];
      if (raw[i] > 0) {
        events.add(new double[] {lo[i] / raw[i], i, +1});
        if (hi[i] != NO_CEILING) {
          events.add(new double[] {hi[i] / raw[i], i, -1});
        }
      }
    }
    events.sort(
        Comparator.<double[]>comparingDouble(e -> e[0])
            .thenComparingDouble(e -> e[1])
            .thenComparingDouble(e -> -e[2]));
    double target = amountCents;
    double slope = 0; // sum of raw over reps between their bounds
    double left = 0;
    int k = 0;
    while (k < events.size()) {
      double at = events.get(k)[0];
      if (constant + slope * at >= target) {
        break;
      }
      for (; k < events.size() && events.get(k)[0] == at; k++) {
        int i = (int) events.get(k)[1];
        if (events.get(k)[2] > 0) {
          constant -= lo[i];
          slope += raw[i];
        } else {
          constant += hi[i];
          slope -= raw[i];
        }
      }
      left = at;
    }
    if (slope <= 0) {
      return left; // every rep with a share is at a bound and the bounds sum to the amount
    }
    return Math.max(left, (target - constant) / slope);
  }

  /**
   * Largest remainder: floor every quota to cents (inside its bounds), then hand the cents still
   * missing to the largest fractional parts, ties by repId; if floating point left the floors above
   * the amount, take cents back from the smallest fractional parts. Never breaks a bound.
   */
  private static long[] roundToCents(
      double[] exact, long amountCents, long[] lo, long[] hi, List<QuotaRep> sorted) {
    int n = exact.length;
    long[] cents = new long[n];
    double[] remainder = new double[n];
    long missing = amountCents;
    for (int i = 0; i < n; i++) {
      cents[i] = (long) clamp(Math.floor(exact[i]), lo[i], hi[i]);
      remainder[i] = exact[i] - cents[i];
      missing -= cents[i];
    }
    Integer[] order = new Integer[n];
    Arrays.setAll(order, i -> i);
    Comparator<Integer> byRepId = Comparator.comparing(i -> sorted.get(i).repId());
    if (missing > 0) {
      Arrays.sort(
          order, Comparator.<Integer>comparingDouble(i -> -remainder[i]).thenComparing(byRepId));
    } else {
      Arrays.sort(
          order, Comparator.<Integer>comparingDouble(i -> remainder[i]).thenComparing(byRepId));
    }
    while (missing != 0) {
      boolean moved = false;
      for (int j = 0; j < n && missing != 0; j++) {
        int i = order[j];
        if (missing > 0 && cents[i] < hi[i]) {
          cents[i]++;
          missing--;
          moved = true;
        } else if (missing < 0 && cents[i] > lo[i]) {
          cents[i]--;
          missing++;
          moved = true;
        }
      }
      if (!moved) {
        throw new IllegalStateException("no rep can take the last " + missing + " cents");
      }
    }
    return cents;
  }

  private static String text(
      QuotaRep rep,
      QuotaSettings settings,
      ShareBasis basis,
      double weight,
      double potentialShare,
      double historyShare,
      double share,
      BigDecimal amount,
      long beforeCaps,
      CapBound cap,
      long redistribution,
      long rounding,
      long quota) {
    List<String> parts = new ArrayList<>();
    String of =
        " of "
            + Formats.money(amount)
            + (settings.overAssignment() > 0
                ? " (target plus "
                    + Formats.percent(settings.overAssignment())
                    + " over-assignment)"
                : " (the target)");
    switch (basis) {
      case POTENTIAL_ONLY ->
          parts.add(
              Formats.share(potentialShare)
                  + " of territory potential (no rep has history, so potential alone)"
                  + of);
      case HISTORY_ONLY ->
          parts.add(
              Formats.share(historyShare)
                  + " of history (no rep has territory potential, so history alone)"
                  + of);
      default -> {
        if (weight == 1) {
          parts.add(Formats.share(potentialShare) + " of territory potential" + of);
        } else if (weight == 0) {
          parts.add(Formats.share(historyShare) + " of history" + of);
        } else {
          parts.add(
              Formats.share(potentialShare)
                  + " of territory potential and "
                  + Formats.share(historyShare)
                  + " of history blended "
                  + Formats.percent(weight).replace("%", "")
                  + "/"
                  + Formats.percent(1 - weight).replace("%", "")
                  + " = "
                  + Formats.share(share)
                  + of);
        }
      }
    }
    String ramp =
        rep.rampFactor() == 1 ? "fully ramped" : "ramp " + Formats.factor(rep.rampFactor());
    parts.add(ramp + ", " + Formats.money(money(beforeCaps)) + " before caps");
    if (rep.previousQuota() != null && rep.previousQuota() > 0 && settings.capped()) {
      String change = Formats.percent(settings.maxChange());
      String last = "last year's " + Formats.money(rep.previousQuota());
      switch (cap.kind()) {
        case CEILING ->
            parts.add("capped at +" + change + " of " + last + " = " + Formats.money(cap.value()));
        case FLOOR ->
            parts.add("held at -" + change + " of " + last + " = " + Formats.money(cap.value()));
        default -> parts.add("within +-" + change + " of " + last);
      }
    } else if (settings.capped()) {
      parts.add("no previous quota, so no cap");
    }
    if (redistribution > 0) {
      parts.add("plus " + Formats.money(money(redistribution)) + " freed by capped reps");
    } else if (redistribution < 0) {
      parts.add(
          "less " + Formats.money(money(-redistribution)) + " to hold capped reps at their floor");
    }
    if (rounding != 0) {
      parts.add(
          (rounding > 0 ? "plus " : "less ")
              + Math.abs(rounding)
              + (Math.abs(rounding) == 1 ? " cent" : " cents")
              + " of rounding so quotas sum exactly");
    }
    parts.add("quota " + Formats.money(money(quota)));
    return String.join("; ", parts) + ".";
  }

  private static double clamp(double value, long lo, long hi) {
    return Math.max(lo, Math.min(hi == NO_CEILING ? Double.POSITIVE_INFINITY : hi, value));
  }

  private static long cents(BigDecimal dollars, RoundingMode mode) {
    return dollars.setScale(2, mode).movePointRight(2).longValueExact();
  }

  private static BigDecimal money(long cents) {
    return BigDecimal.valueOf(cents, 2);
  }
}
