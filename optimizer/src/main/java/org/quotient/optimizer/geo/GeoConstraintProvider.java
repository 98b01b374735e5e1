package org.quotient.optimizer.geo;

import static org.optaplanner.core.api.score.stream.Joiners.equal;
import static org.optaplanner.core.api.score.stream.Joiners.filtering;

import java.math.BigDecimal;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.score.stream.Constraint;
import org.optaplanner.core.api.score.stream.ConstraintCollectors;
import org.optaplanner.core.api.score.stream.ConstraintFactory;
import org.optaplanner.core.api.score.stream.ConstraintProvider;

/**
 * The score of a geographic plan, the single definition of what a good plan is. Hard: every
 * territory connected and non-empty, every balanced measure within its band. Medium: the chosen
 * objective (cut edges or compactness). Soft: the spread of the measures around their means, which
 * steers totals towards the middle of the band.
 */
public final class GeoConstraintProvider implements ConstraintProvider {
  /** Hard penalty of one extra piece of a territory or one empty territory: a 100% imbalance. */
  public static final long PIECE_WEIGHT = 1_000_000;

  @Override
  public Constraint[] defineConstraints(ConstraintFactory factory) {
    return new Constraint[] {
      territoryConnected(factory),
      territoryNotEmpty(factory),
      measureWithinTolerance(factory),
      cutEdges(factory),
      compactness(factory),
      balanceSpread(factory)
    };
  }

  /** A rep covers one contiguous region: each extra disconnected piece of a territory is hard. */
  Constraint territoryConnected(ConstraintFactory factory) {
    return factory
        .forEach(GeoUnitAssignment.class)
        .groupBy(GeoUnitAssignment::territory, new ConnectedPiecesCollector())
        .filter((territory, pieces) -> pieces > 1)
        .penalizeLong(
            HardMediumSoftLongScore.ofHard(PIECE_WEIGHT), (territory, pieces) -> pieces - 1L)
        .asConstraint("territoryConnected");
  }

  /** Every territory asked for is used: an empty territory is a rep without a patch. */
  Constraint territoryNotEmpty(ConstraintFactory factory) {
    return factory
        .forEach(GeoTerritory.class)
        .ifNotExists(
            GeoUnitAssignment.class, equal(territory -> territory, GeoUnitAssignment::territory))
        .penalize(HardMediumSoftLongScore.ofHard(PIECE_WEIGHT))
        .asConstraint("territoryNotEmpty");
  }

  /**
   * Fair territories: each balanced measure of each territory lies within ±tolerance of its mean
   * over territories; beyond the band, the penalty is the excess in parts per million of the mean.
   */
  Constraint measureWithinTolerance(ConstraintFactory factory) {
    return factory
        .forEach(GeoUnitAssignment.class)
        .join(GeoMeasure.class)
        .groupBy(
            (unit, measure) -> unit.territory(),
            (unit, measure) -> measure,
            ConstraintCollectors.sumBigDecimal(
                (unit, measure) -> BigDecimal.valueOf(unit.measure(measure.index()))))
        .filter((territory, measure, total) -> measure.excessPpm(total) > 0)
        .penalizeLong(
            HardMediumSoftLongScore.ONE_HARD,
            (territory, measure, total) -> measure.excessPpm(total))
        .asConstraint("measureWithinTolerance");
  }

  /** Simple borders (objective cut-edges): each adjacent pair split between territories. */
  Constraint cutEdges(ConstraintFactory factory) {
    return factory
        .forEach(GeoAdjacency.class)
        .join(GeoUnitAssignment.class, equal(GeoAdjacency::a, GeoUnitAssignment::index))
        .join(GeoUnitAssignment.class, equal((edge, a) -> edge.b(), GeoUnitAssignment::index))
        .filter((edge, a, b) -> !a.territory().equals(b.territory()))
        .ifExists(
            GeoScoring.class,
            filtering((edge, a, b, scoring) -> scoring.objective() == GeoObjective.CUT_EDGES))
        .penalize(HardMediumSoftLongScore.ONE_MEDIUM)
        .asConstraint("cutEdges");
  }

  /**
   * Round territories and short drives (objective compactness): the sum of squared distances (km²)
   * from each unit to its territory's centre.
   */
  Constraint compactness(ConstraintFactory factory) {
    return factory
        .forEach(GeoUnitAssignment.class)
        .filter(GeoUnitAssignment::located)
        .groupBy(GeoUnitAssignment::territory, new SquaredDistanceCollector())
        .ifExists(
            GeoScoring.class,
            filtering(
                (territory, squaredKm, scoring) -> scoring.objective() == GeoObjective.COMPACTNESS))
        .penalizeLong(
            HardMediumSoftLongScore.ONE_MEDIUM, (territory, squaredKm) -> Math.round(squaredKm))
        .asConstraint("compactness");
  }

  /**
   * Inside the band, closer to the mean is still fairer: the squared relative deviation of each
   * balanced measure of each territory (times 10^8).
   */
  Constraint balanceSpread(ConstraintFactory factory) {
    return factory
        .forEach(GeoUnitAssignment.class)
        .join(GeoMeasure.class)
        .groupBy(
            (unit, measure) -> unit.territory(),
            (unit, measure) -> measure,
            ConstraintCollectors.sumBigDecimal(
                (unit, measure) -> BigDecimal.valueOf(unit.measure(measure.index()))))
        .penalizeLong(
            HardMediumSoftLongScore.ONE_SOFT,
            (territory, measure, total) -> measure.squaredDeviation(total))
        .asConstraint("balanceSpread");
  }
}
