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
 * @param maxPercent the largest share of a file's rows, in percent, that may be set aside; above it
 *     the run stops, since a file that is mostly bad points at a wrong export rather than a few bad
 *     rows
 */
public record Quarantine(boolean enabled, double maxPercent) {
  public static final Quarantine OFF = new Quarantine(false, 0);

  /** The inputs whose rows may be set aside. */
  public static final Set<InputSchema> TABLES =
      Set.of(InputSchema.OPPORTUNITIES, InputSchema.QUOTA_HISTORY);

  public Quarantine {
    if (!(maxPercent >= 0 && maxPercent <= 100)) {
      throw new IllegalArgumentException("maxPercent must be within 0..100, was " + maxPercent);
    }
  }

  public static Quarantine upToPercent(double maxPercent) {
    return new Quarantine(true, maxPercent);
  }

  /**
   * True when {@code bad} of {@code rows} is more than may be set aside, or all of them (a file
   * left empty). Exact for whole percents: no fraction is formed.
   */
  public boolean exceeded(long bad, long rows) {
    return bad * 100.0 > maxPercent * rows || bad >= rows;
  }

  /** True when rows of this input may be set aside. */
  public boolean covers(InputSchema table) {
    return enabled && TABLES.contains(table);
  }
}
