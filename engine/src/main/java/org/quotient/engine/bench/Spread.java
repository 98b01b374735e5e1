package org.quotient.engine.bench;

/**
 * How uneven value per capacity is across reps, each rep's value per capacity divided by its
 * segment's mean (1.0 is even), capacity-weighted.
 *
 * @param maxOver max index - 1 (the most loaded rep, as a fraction above the mean)
 * @param minUnder 1 - min index (the least loaded rep, as a fraction below the mean)
 * @param cv coefficient of variation: sqrt(sum c (index - 1)^2 / sum c)
 */
public record Spread(double maxOver, double minUnder, double cv) {
  public static final Spread NONE = new Spread(Double.NaN, Double.NaN, Double.NaN);

  /** Spread of per-rep loads; reps of segments with no load are left out. */
  static Spread of(IndexedProblem p, double[] load, double[] segmentTotal) {
    return of(p, load, segmentTotal, -1);
  }

  /** Spread over the reps of one segment ({@code onlySegment} >= 0) or of all (-1). */
  static Spread of(IndexedProblem p, double[] load, double[] segmentTotal, int onlySegment) {
    double max = Double.NEGATIVE_INFINITY;
    double min = Double.POSITIVE_INFINITY;
    double sq = 0;
    double weight = 0;
    for (int j = 0; j < p.repCount; j++) {
      int s = p.repSegment[j];
      if (onlySegment >= 0 && s != onlySegment) {
        continue;
      }
      if (!(segmentTotal[s] > 0) || !(p.segmentCapacity[s] > 0)) {
        continue;
      }
      double mean = segmentTotal[s] / p.segmentCapacity[s];
      double index = load[j] / (p.capacity[j] * mean);
      max = Math.max(max, index);
      min = Math.min(min, index);
      sq += p.capacity[j] * (index - 1) * (index - 1);
      weight += p.capacity[j];
    }
    if (weight == 0) {
      return NONE;
    }
    return new Spread(max - 1, 1 - min, Math.sqrt(sq / weight));
  }
}
