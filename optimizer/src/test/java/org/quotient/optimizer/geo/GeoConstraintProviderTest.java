package org.quotient.optimizer.geo;

import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.stream.ConstraintStreamImplType;
import org.optaplanner.test.api.score.stream.ConstraintVerifier;

class GeoConstraintProviderTest {
  private final ConstraintVerifier<GeoConstraintProvider, GeoSolution> verifier =
      ConstraintVerifier.build(
              new GeoConstraintProvider(), GeoSolution.class, GeoUnitAssignment.class)
          .withConstraintStreamImplType(ConstraintStreamImplType.BAVET);

  private static final GeoTerritory T0 = new GeoTerritory(0);
  private static final GeoTerritory T1 = new GeoTerritory(1);
  private static final GeoScoring CUT_EDGES = new GeoScoring(GeoObjective.CUT_EDGES);
  private static final GeoScoring COMPACTNESS = new GeoScoring(GeoObjective.COMPACTNESS);

  /** A unit of a path graph 0-1-2-...: neighbours index-1 and index+1 (within 0..last). */
  private static GeoUnitAssignment onPath(int index, int last, double value, GeoTerritory t) {
    int[] neighbours =
        index == 0
            ? new int[] {1}
            : index == last ? new int[] {index - 1} : new int[] {index - 1, index + 1};
    return new GeoUnitAssignment(
        index, "U" + index, new double[] {value}, neighbours, true, index * 1000L, 0, t);
  }

  @Test
  void penalizesEachExtraPieceOfATerritory() {
    verifier
        .verifyThat(GeoConstraintProvider::territoryConnected)
        .given(onPath(0, 4, 1, T0), onPath(1, 4, 1, T1), onPath(2, 4, 1, T0))
        .penalizesBy(1);
    verifier
        .verifyThat(GeoConstraintProvider::territoryConnected)
        .given(
            onPath(0, 4, 1, T0),
            onPath(1, 4, 1, T1),
            onPath(2, 4, 1, T0),
            onPath(3, 4, 1, T1),
            onPath(4, 4, 1, T0))
        .penalizesBy(3);
  }

  @Test
  void acceptsTerritoriesThatAreEachOneConnectedPiece() {
    verifier
        .verifyThat(GeoConstraintProvider::territoryConnected)
        .given(onPath(0, 3, 1, T0), onPath(1, 3, 1, T0), onPath(2, 3, 1, T1), onPath(3, 3, 1, T1))
        .penalizesBy(0);
  }

  @Test
  void penalizesTerritoryWithoutUnits() {
    verifier
        .verifyThat(GeoConstraintProvider::territoryNotEmpty)
        .given(T0, T1, onPath(0, 1, 1, T0), onPath(1, 1, 1, T0))
        .penalizesBy(1);
  }

  @Test
  void penalizesMeasureOutsideTheBandByItsExcessInPartsPerMillion() {
    GeoMeasure population = new GeoMeasure(0, "population", 100, 0.05);
    // Territory 0: 110 (+10%, 5% beyond the ±5% band); territory 1: 90 (-10%).
    verifier
        .verifyThat(GeoConstraintProvider::measureWithinTolerance)
        .given(population, onPath(0, 2, 60, T0), onPath(1, 2, 50, T0), onPath(2, 2, 90, T1))
        .penalizesBy(100_000);
  }

  @Test
  void acceptsMeasureInsideTheBandIncludingItsEdge() {
    GeoMeasure population = new GeoMeasure(0, "population", 100, 0.05);
    verifier
        .verifyThat(GeoConstraintProvider::measureWithinTolerance)
        .given(population, onPath(0, 2, 55, T0), onPath(1, 2, 50, T0), onPath(2, 2, 95, T1))
        .penalizesBy(0);
  }

  @Test
  void countsAdjacentPairsSplitBetweenTerritoriesWhenMinimizingCutEdges() {
    verifier
        .verifyThat(GeoConstraintProvider::cutEdges)
        .given(
            CUT_EDGES,
            new GeoAdjacency(0, 1),
            new GeoAdjacency(1, 2),
            onPath(0, 2, 1, T0),
            onPath(1, 2, 1, T0),
            onPath(2, 2, 1, T1))
        .penalizesBy(1);
  }

  @Test
  void ignoresCutEdgesWhenMinimizingCompactness() {
    verifier
        .verifyThat(GeoConstraintProvider::cutEdges)
        .given(
            COMPACTNESS,
            new GeoAdjacency(0, 1),
            new GeoAdjacency(1, 2),
            onPath(0, 2, 1, T0),
            onPath(1, 2, 1, T1),
            onPath(2, 2, 1, T0))
        .penalizesBy(0);
  }

  @Test
  void penalizesSquaredDistanceToTheTerritoryCentreWhenMinimizingCompactness() {
    // Units 1 km apart on a line: T0 = {0 km, 2 km} (centre 1 km: 1 + 1 km²), T1 = {1 km} (0).
    verifier
        .verifyThat(GeoConstraintProvider::compactness)
        .given(COMPACTNESS, onPath(0, 2, 1, T0), onPath(1, 2, 1, T1), onPath(2, 2, 1, T0))
        .penalizesBy(2);
    verifier
        .verifyThat(GeoConstraintProvider::compactness)
        .given(CUT_EDGES, onPath(0, 2, 1, T0), onPath(1, 2, 1, T1), onPath(2, 2, 1, T0))
        .penalizesBy(0);
  }

  @Test
  void penalizesSquaredDeviationFromTheMeanInsideTheBand() {
    GeoMeasure population = new GeoMeasure(0, "population", 100, 0.05);
    // 102 and 98: (0.02)² × 10^8 = 40,000 each.
    verifier
        .verifyThat(GeoConstraintProvider::balanceSpread)
        .given(population, onPath(0, 2, 52, T0), onPath(1, 2, 50, T0), onPath(2, 2, 98, T1))
        .penalizesBy(80_000);
  }
}
