package org.quotient.optimizer.geo;

import java.math.BigDecimal;

/**
 * A balanced measure (a planning fact): its column {@code index} in the units' measures, its name,
 * its mean over territories (total / K) and the tolerance around it (a fraction).
 */
public record GeoMeasure(int index, String name, double mean, double tolerance) {
  /** Scale of the hard band penalty: parts per million of the mean beyond the band. */
  static final double PPM = 1_000_000;

  /** Scale of the soft balance penalty: squared relative deviation times 10^8. */
  static final double SQUARED_SCALE = 100_000_000;

  /** Relative deviation of a territory total from the mean: +0.01 is 1% above. */
  public double deviation(double total) {
    return (total - mean) / mean;
  }

  /**
   * How far a territory total lies outside the band mean ± tolerance, in parts per million of the
   * mean (rounded, so a total on the band's edge within rounding counts as inside); 0 inside.
   */
  public long excessPpm(double total) {
    double excess = Math.abs(deviation(total)) - tolerance;
    return excess <= 0 ? 0 : Math.round(excess * PPM);
  }

  long excessPpm(BigDecimal total) {
    return excessPpm(total.doubleValue());
  }

  /** Squared relative deviation, scaled to a long: steers totals towards the mean. */
  long squaredDeviation(BigDecimal total) {
    double d = deviation(total.doubleValue());
    return Math.round(d * d * SQUARED_SCALE);
  }
}
