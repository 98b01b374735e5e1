package org.quotient.engine.transform;

import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.trim;

import org.apache.spark.sql.Column;

/** Opportunity stages of the input contract, compared case- and space-insensitively. */
final class Stages {
  static final String WON = "won";
  static final String LOST = "lost";
  static final String OPEN = "open";

  private Stages() {}

  static Column normalized(Column stage) {
    return lower(trim(stage));
  }
}
