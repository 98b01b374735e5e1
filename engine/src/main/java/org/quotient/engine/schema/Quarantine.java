package org.quotient.engine.schema;

import java.util.Set;

/**
 * Whether rows with problems are set aside instead of stopping the run, and how many may be.
 *
 * <p>Only history rows (opportunities and quota history) can be set aside: dropping one loses a
 * little history, while dropping an account or a rep would silently change who is planned. A
 * problem in accounts or reps, or in a file as a whole, still stops the run.
 *
 * @param enabled set rows aside (true) or stop at the first problem (false)
 * @param maxFraction the largest share of a file's rows that may be set aside; above it the run
 *     stops, since a file that is mostly bad points at a wrong export rather than a few bad rows
 */
public record Quarantine(boolean enabled, double maxFraction) {
  public static final Quarantine OFF = new Quarantine(false, 0);
  public static final double DEFAULT_MAX_FRACTION = 0.05;

  /** The inputs whose rows may be set aside. */
  public static final Set<InputSchema> TABLES =
      Set.of(InputSchema.OPPORTUNITIES, InputSchema.QUOTA_HISTORY);

  public Quarantine {
    if (!(maxFraction >= 0 && maxFraction <= 1)) {
      throw new IllegalArgumentException("maxFraction must be within 0..1, was " + maxFraction);
    }
  }

  public static Quarantine upTo(double maxFraction) {
    return new Quarantine(true, maxFraction);
  }

  /** True when rows of this input may be set aside. */
  public boolean covers(InputSchema table) {
    return enabled && TABLES.contains(table);
  }
}
