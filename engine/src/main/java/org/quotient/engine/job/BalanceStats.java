package org.quotient.engine.job;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.quotient.optimizer.domain.TerritorySummary;

/**
 * How even a plan is: the per-rep index (value per capacity over its segment's mean; 1.0 = exactly
 * the mean) summarised as its lowest, highest and largest deviation, and the coefficient of
 * variation.
 */
public record BalanceStats(double minIndex, double maxIndex, double maxDeviation, double cv) {

  public static BalanceStats potential(List<TerritorySummary> summaries) {
    return of(summaries, TerritorySummary::balanceIndex);
  }

  public static BalanceStats workload(List<TerritorySummary> summaries) {
    return of(summaries, TerritorySummary::workloadIndex);
  }

  static BalanceStats of(
      List<TerritorySummary> summaries, ToDoubleFunction<TerritorySummary> index) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    double sum = 0;
    double sumSq = 0;
    int n = 0;
    for (TerritorySummary s : summaries) {
      double v = index.applyAsDouble(s);
      if (Double.isNaN(v)) {
        continue;
      }
      min = Math.min(min, v);
      max = Math.max(max, v);
      sum += v;
      sumSq += v * v;
      n++;
    }
    if (n == 0) {
      return new BalanceStats(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    double mean = sum / n;
    double variance = Math.max(0, sumSq / n - mean * mean);
    return new BalanceStats(
        min, max, Math.max(max - 1, 1 - min), mean > 0 ? Math.sqrt(variance) / mean : Double.NaN);
  }

  /** e.g. "min -3.1%, max +2.4% of the segment mean (CV 1.2%)". */
  public String describe() {
    return String.format(
        "min %+.1f%%, max %+.1f%% of the segment mean (CV %.1f%%)",
        (minIndex - 1) * 100, (maxIndex - 1) * 100, cv * 100);
  }
}
