package org.quotient.engine.model;

import java.util.List;
import java.util.Map;

/**
 * The fitted model, for the run record and the report.
 *
 * @param featureNames design columns in coefficient order
 * @param coefficients ridge coefficients on log(1 + annual bookings)
 * @param segmentCalibration per-segment factor bringing predictions to actual bookings
 * @param heldOutR2 R^2 of predicted vs. actual annual bookings on held-out accounts (NaN if none)
 */
public record PotentialFit(
    List<String> featureNames,
    double[] coefficients,
    Map<String, Double> segmentCalibration,
    double heldOutR2) {}
