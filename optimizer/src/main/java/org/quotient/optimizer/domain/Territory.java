package org.quotient.optimizer.domain;

import org.quotient.optimizer.geo.GeoPoint;

/**
 * The planning value: one rep of a partition, with the partition's scale factors folded in so the
 * constraints stay plain arithmetic (and ConstraintVerifier fixtures stay small).
 *
 * @param rep the rep
 * @param maxWorkloadMilliHours the rep's workload limit in 1/1000 hours; Long.MAX_VALUE for none
 * @param potentialFactor soft points per (potential points)^2 / capacity, weight included
 * @param workloadFactor soft points per (workload milli-hours)^2 / capacity, weight included
 * @param travelPointsPerKm soft points per km between the rep's home and an account, weight
 *     included
 * @param bandLowPoints least potential points within the balance tolerance of the segment mean
 * @param bandHighPoints most potential points within the balance tolerance of the segment mean
 * @param workBandLowMilliHours least workload (milli-hours) within the workload tolerance of the
 *     segment mean workload per capacity
 * @param workBandHighMilliHours most workload (milli-hours) within the workload tolerance
 * @param workBandPointsPerMilliHour medium-level points per milli-hour outside the workload band
 *     (one mean account's workload weighs like one mean account's potential)
 */
public record Territory(
    Rep rep,
    long maxWorkloadMilliHours,
    double potentialFactor,
    double workloadFactor,
    double travelPointsPerKm,
    long bandLowPoints,
    long bandHighPoints,
    long workBandLowMilliHours,
    long workBandHighMilliHours,
    double workBandPointsPerMilliHour) {

  /** A territory without a workload band (potential band only). */
  public Territory(
      Rep rep,
      long maxWorkloadMilliHours,
      double potentialFactor,
      double workloadFactor,
      double travelPointsPerKm,
      long bandLowPoints,
      long bandHighPoints) {
    this(
        rep,
        maxWorkloadMilliHours,
        potentialFactor,
        workloadFactor,
        travelPointsPerKm,
        bandLowPoints,
        bandHighPoints,
        0,
        Long.MAX_VALUE,
        0);
  }

  public String repId() {
    return rep.id();
  }

  public String segment() {
    return rep.segment();
  }

  /** Quadratic in load per capacity: for a fixed total it is least when load/capacity is equal. */
  public long potentialPenalty(long potentialPoints) {
    return Math.round(
        potentialFactor * ((double) potentialPoints * potentialPoints) / rep.capacity());
  }

  public long workloadPenalty(long workloadMilliHours) {
    return Math.round(
        workloadFactor * ((double) workloadMilliHours * workloadMilliHours) / rep.capacity());
  }

  /** Potential points outside the tolerance band, in either direction. */
  public long outsideBand(long potentialPoints) {
    return Math.max(0, potentialPoints - bandHighPoints)
        + Math.max(0, bandLowPoints - potentialPoints);
  }

  /** Medium points for workload outside the workload band, in either direction. */
  public long outsideWorkBand(long workloadMilliHours) {
    long out =
        Math.max(0, workloadMilliHours - workBandHighMilliHours)
            + Math.max(0, workBandLowMilliHours - workloadMilliHours);
    return Math.round(out * workBandPointsPerMilliHour);
  }

  /** Zero when either location is unknown: travel is skipped, not guessed. */
  public long travelPenalty(GeoPoint location) {
    GeoPoint home = rep.home();
    if (home == null || location == null || travelPointsPerKm == 0) {
      return 0;
    }
    return Math.round(home.distanceKm(location) * travelPointsPerKm);
  }
}
