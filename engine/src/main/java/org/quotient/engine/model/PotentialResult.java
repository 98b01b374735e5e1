package org.quotient.engine.model;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Scored accounts (account_id, potential, model_prediction, run_rate, features_used, held_out) and
 * the fit.
 */
public record PotentialResult(Dataset<Row> scored, PotentialFit fit) {}
