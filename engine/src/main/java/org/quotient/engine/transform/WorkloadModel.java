package org.quotient.engine.transform;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Parameters of the {@link Workload} estimate: hours a typical account of each segment needs in a
 * year, how strongly size moves that, and how much each open opportunity adds.
 *
 * @param segments base effort per segment; keys match {@code accounts.segment} ignoring case and
 *     surrounding spaces
 * @param otherSegment effort for accounts whose segment is not in {@code segments}
 * @param sizeElasticity hours scale by {@code 1 + sizeElasticity * log10(employees / typical)}
 * @param minSizeFactor lower clamp of the size factor
 * @param maxSizeFactor upper clamp of the size factor
 * @param hoursPerOpenOpportunity hours added per open opportunity
 */
public record WorkloadModel(
    Map<String, SegmentEffort> segments,
    SegmentEffort otherSegment,
    double sizeElasticity,
    double minSizeFactor,
    double maxSizeFactor,
    double hoursPerOpenOpportunity) {

  /**
   * Effort of a typical account in one segment.
   *
   * @param baseHours selling hours a year for an account of typical size
   * @param typicalEmployees head count at which the size factor is 1
   */
  public record SegmentEffort(double baseHours, double typicalEmployees) {
    public SegmentEffort {
      if (!(baseHours >= 0) || Double.isInfinite(baseHours)) {
        throw new IllegalArgumentException(
            "baseHours must be a finite number >= 0 but was " + baseHours);
      }
      if (!(typicalEmployees > 0) || Double.isInfinite(typicalEmployees)) {
        throw new IllegalArgumentException(
            "typicalEmployees must be a finite number > 0 but was " + typicalEmployees);
      }
    }
  }

  /** Enterprise 120 h, mid-market 40 h, SMB 10 h; +/- 15% per tenfold size; 4 h per open deal. */
  public static final WorkloadModel DEFAULT =
      new WorkloadModel(
          Map.of(
              "enterprise", new SegmentEffort(120, 5_000),
              "mid_market", new SegmentEffort(40, 500),
              "smb", new SegmentEffort(10, 50)),
          new SegmentEffort(40, 500),
          0.15,
          0.5,
          2.0,
          4.0);

  public WorkloadModel {
    Objects.requireNonNull(segments, "segments");
    Objects.requireNonNull(otherSegment, "otherSegment");
    SortedMap<String, SegmentEffort> normalized = new TreeMap<>();
    segments.forEach(
        (name, effort) -> {
          String key = normalize(Objects.requireNonNull(name, "segment name"));
          if (normalized.put(key, Objects.requireNonNull(effort, "effort of " + name)) != null) {
            throw new IllegalArgumentException(
                "segment '" + name + "' is listed twice (names ignore case and spaces)");
          }
        });
    segments = Collections.unmodifiableSortedMap(normalized);
    if (!(sizeElasticity >= 0) || Double.isInfinite(sizeElasticity)) {
      throw new IllegalArgumentException(
          "sizeElasticity must be a finite number >= 0 but was " + sizeElasticity);
    }
    if (!(minSizeFactor > 0)
        || !(maxSizeFactor >= minSizeFactor)
        || Double.isInfinite(maxSizeFactor)) {
      throw new IllegalArgumentException(
          "size factor bounds must satisfy 0 < min <= max < infinity but were ["
              + minSizeFactor
              + ", "
              + maxSizeFactor
              + "]");
    }
    if (!(hoursPerOpenOpportunity >= 0) || Double.isInfinite(hoursPerOpenOpportunity)) {
      throw new IllegalArgumentException(
          "hoursPerOpenOpportunity must be a finite number >= 0 but was "
              + hoursPerOpenOpportunity);
    }
  }

  /**
   * The {@link Workload} formula for one account in plain Java (no Spark), for callers that build a
   * planning problem in memory, e.g. the benchmark: base hours of the segment times the size
   * factor, plus the open opportunities' hours.
   *
   * @param segment the account's segment (case and surrounding spaces ignored)
   * @param employees head count, or null when unknown (size factor 1)
   * @param openCount open opportunities of the account
   */
  public double hours(String segment, Long employees, long openCount) {
    SegmentEffort effort = segments.getOrDefault(normalize(segment), otherSegment);
    double sizeFactor =
        employees == null
            ? 1.0
            : Math.min(
                Math.max(
                    1.0
                        + sizeElasticity
                            * Math.log10(Math.max(employees, 1L) / effort.typicalEmployees()),
                    minSizeFactor),
                maxSizeFactor);
    return effort.baseHours() * sizeFactor + openCount * hoursPerOpenOpportunity;
  }

  static String normalize(String segment) {
    return segment.trim().toLowerCase(Locale.ROOT);
  }
}
