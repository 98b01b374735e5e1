package org.quotient.engine.model;

/**
 * How potential is modelled.
 *
 * @param modelWeight share of the model in the blend with run-rate (0 = run-rate only, 1 = model
 *     only)
 * @param ridgeLambda ridge penalty per training account
 * @param holdoutPercent share of accounts held out to report the fit (0..50)
 * @param seed picks the held-out accounts
 */
public record PotentialSettings(
    double modelWeight, double ridgeLambda, int holdoutPercent, long seed) {
  public static final PotentialSettings DEFAULT = new PotentialSettings(0.8, 1e-4, 20, 42L);

  public PotentialSettings {
    if (!(modelWeight >= 0 && modelWeight <= 1)) {
      throw new IllegalArgumentException("modelWeight must be in 0..1, was " + modelWeight);
    }
    if (!(ridgeLambda >= 0)) {
      throw new IllegalArgumentException("ridgeLambda must be >= 0, was " + ridgeLambda);
    }
    if (holdoutPercent < 0 || holdoutPercent > 50) {
      throw new IllegalArgumentException("holdoutPercent must be in 0..50, was " + holdoutPercent);
    }
  }

  public PotentialSettings withModelWeight(double weight) {
    return new PotentialSettings(weight, ridgeLambda, holdoutPercent, seed);
  }

  public PotentialSettings withSeed(long newSeed) {
    return new PotentialSettings(modelWeight, ridgeLambda, holdoutPercent, newSeed);
  }
}
