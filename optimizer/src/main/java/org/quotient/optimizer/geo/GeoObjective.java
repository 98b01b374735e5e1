package org.quotient.optimizer.geo;

import java.util.Locale;

/** What the plan minimizes once every territory is connected and balanced. */
public enum GeoObjective {
  /** Adjacent pairs of units in different territories: short, simple borders. */
  CUT_EDGES("cut-edges"),
  /** Sum of squared distances (km²) from each unit to its territory's centre: round territories. */
  COMPACTNESS("compactness");

  private final String label;

  GeoObjective(String label) {
    this.label = label;
  }

  /** The name used on the command line and in summaries. */
  public String label() {
    return label;
  }

  /** Parses "cut-edges" or "compactness" (any case); null when the name is unknown. */
  public static GeoObjective fromLabel(String text) {
    for (GeoObjective objective : values()) {
      if (objective.label.equals(text.trim().toLowerCase(Locale.ROOT))) {
        return objective;
      }
    }
    return null;
  }
}
