package org.quotient.optimizer.domain;

import java.util.Objects;
import org.quotient.optimizer.geo.GeoPoint;

/**
 * A sales rep who can own a territory.
 *
 * @param id rep key
 * @param segment the segment the rep sells to
 * @param capacity full-time equivalents (> 0); potential and workload are balanced per unit of it
 * @param maxWorkload hard limit on the rep's total workload (hours); Double.POSITIVE_INFINITY for
 *     none
 * @param home where the rep is based, or null when unknown
 */
public record Rep(String id, String segment, double capacity, double maxWorkload, GeoPoint home)
    implements java.io.Serializable {
  public Rep {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(segment, "segment");
    if (!(capacity > 0)) {
      throw new IllegalArgumentException("rep " + id + ": capacity must be > 0, was " + capacity);
    }
  }
}
