package org.quotient.optimizer.quota;

import java.math.BigDecimal;

/**
 * The cap that decided a rep's quota, if any.
 *
 * @param kind none, floor (held up at previous * (1 - maxChange)) or ceiling (held down at previous
 *     * (1 + maxChange))
 * @param value the bound in cents (bounds are rounded inward to cents), or null for {@link
 *     Kind#NONE}
 */
public record CapBound(Kind kind, BigDecimal value) {
  public static final CapBound NONE = new CapBound(Kind.NONE, null);

  public enum Kind {
    NONE,
    FLOOR,
    CEILING
  }

  public static CapBound floor(BigDecimal value) {
    return new CapBound(Kind.FLOOR, value);
  }

  public static CapBound ceiling(BigDecimal value) {
    return new CapBound(Kind.CEILING, value);
  }
}
