package org.quotient.datasets;

import java.time.LocalDate;

/**
 * One generated rep, in memory, with the values {@code reps.csv} holds for it (coordinates rounded
 * to the file's 5 decimals, capacity to 1).
 *
 * @param id rep_id
 * @param name name
 * @param segment the segment the rep sells to
 * @param homeLat home latitude
 * @param homeLon home longitude
 * @param capacity FTE
 * @param hireDate hire date
 * @param managerId manager
 * @param region West, Central, Northeast or Southeast
 * @param active false for a rep who left (still the current owner of their old accounts)
 * @param newHire hired in the last six months, owns no accounts yet
 */
public record GeneratedRep(
    String id,
    String name,
    String segment,
    double homeLat,
    double homeLon,
    double capacity,
    LocalDate hireDate,
    String managerId,
    String region,
    boolean active,
    boolean newHire) {}
