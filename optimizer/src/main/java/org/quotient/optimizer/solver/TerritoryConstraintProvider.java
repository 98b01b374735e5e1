package org.quotient.optimizer.solver;

import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.score.stream.Constraint;
import org.optaplanner.core.api.score.stream.ConstraintCollectors;
import org.optaplanner.core.api.score.stream.ConstraintFactory;
import org.optaplanner.core.api.score.stream.ConstraintProvider;
import org.optaplanner.core.api.score.stream.Joiners;
import org.quotient.optimizer.domain.AccountAssignment;
import org.quotient.optimizer.domain.MoveBudget;
import org.quotient.optimizer.domain.Territory;

/**
 * The business rules of territory balancing. Weights and scales live in the facts ({@link
 * Territory}, {@link AccountAssignment}), so each constraint is plain arithmetic.
 */
public class TerritoryConstraintProvider implements ConstraintProvider {
  public static final String SEGMENT_ELIGIBILITY = "Segment eligibility";
  public static final String LOCKED_ACCOUNT = "Locked account stays with its rep";
  public static final String MAX_WORKLOAD = "Rep workload within its maximum";
  public static final String POTENTIAL_BAND = "Potential within the balance tolerance";
  public static final String WORKLOAD_BAND = "Workload within the workload tolerance";
  public static final String MOVE_BUDGET = "Moved accounts within the budget";
  public static final String EMPTY_TERRITORY = "Empty territory below the balance tolerance";
  public static final String POTENTIAL_BALANCE = "Potential balance";
  public static final String WORKLOAD_BALANCE = "Workload balance";
  public static final String DISRUPTION = "Disruption";
  public static final String TRAVEL = "Travel";

  @Override
  public Constraint[] defineConstraints(ConstraintFactory factory) {
    return new Constraint[] {
      segmentEligibility(factory),
      lockedAccount(factory),
      maxWorkload(factory),
      moveBudget(factory),
      potentialBand(factory),
      workloadBand(factory),
      emptyTerritory(factory),
      potentialBalance(factory),
      workloadBalance(factory),
      disruption(factory),
      travel(factory)
    };
  }

  /** A rep may only own accounts of the segment they sell to. */
  Constraint segmentEligibility(ConstraintFactory factory) {
    return factory
        .forEach(AccountAssignment.class)
        .filter(a -> !a.segment().equals(a.territory().segment()))
        .penalize(HardMediumSoftLongScore.ONE_HARD)
        .asConstraint(SEGMENT_ELIGIBILITY);
  }

  /** A strategic lock is a promise to the customer: the account stays with the named rep. */
  Constraint lockedAccount(ConstraintFactory factory) {
    return factory
        .forEach(AccountAssignment.class)
        .filter(a -> a.account().isLocked())
        .filter(a -> !a.account().lockedRepId().equals(a.territory().repId()))
        .penalize(HardMediumSoftLongScore.ONE_HARD)
        .asConstraint(LOCKED_ACCOUNT);
  }

  /** A rep cannot work more hours than allowed; penalized by the excess (milli-hours). */
  Constraint maxWorkload(ConstraintFactory factory) {
    return factory
        .forEach(AccountAssignment.class)
        .groupBy(
            AccountAssignment::territory,
            ConstraintCollectors.sumLong(AccountAssignment::workloadMilliHours))
        .filter((territory, load) -> load > territory.maxWorkloadMilliHours())
        .penalizeLong(
            HardMediumSoftLongScore.ONE_HARD,
            (territory, load) -> load - territory.maxWorkloadMilliHours())
        .asConstraint(MAX_WORKLOAD);
  }

  /**
   * Medium level: each rep's potential per capacity within the tolerance of the segment mean comes
   * before every soft goal, so no trade-off (workload, travel, disruption) may push a rep out of
   * it.
   */
  Constraint potentialBand(ConstraintFactory factory) {
    return factory
        .forEach(AccountAssignment.class)
        .groupBy(
            AccountAssignment::territory,
            ConstraintCollectors.sumLong(AccountAssignment::potentialPoints))
        .filter((territory, load) -> territory.outsideBand(load) > 0)
        .penalizeLong(HardMediumSoftLongScore.ONE_MEDIUM, Territory::outsideBand)
        .asConstraint(POTENTIAL_BAND);
  }

  /**
   * Medium level: each rep's workload per capacity within the workload tolerance of the segment
   * mean, weighed like potential outside its band, so local search never trades it for a soft goal.
   */
  Constraint workloadBand(ConstraintFactory factory) {
    return factory
        .forEach(AccountAssignment.class)
        .groupBy(
            AccountAssignment::territory,
            ConstraintCollectors.sumLong(AccountAssignment::workloadMilliHours))
        .filter((territory, work) -> territory.outsideWorkBand(work) > 0)
        .penalizeLong(HardMediumSoftLongScore.ONE_MEDIUM, Territory::outsideWorkBand)
        .asConstraint(WORKLOAD_BAND);
  }

  /**
   * The planner's disruption limit is a promise: no more accounts taken from a current rep who
   * could keep them than the budget; penalized by the accounts over it.
   */
  Constraint moveBudget(ConstraintFactory factory) {
    return factory
        .forEach(AccountAssignment.class)
        .filter(AccountAssignment::isTakenFromIncumbent)
        .groupBy(ConstraintCollectors.count())
        .join(MoveBudget.class)
        .filter((moved, budget) -> moved > budget.maxMoved())
        .penalizeLong(
            HardMediumSoftLongScore.ONE_HARD, (moved, budget) -> moved - budget.maxMoved())
        .asConstraint(MOVE_BUDGET);
  }

  /** A rep left with no accounts is as far below the tolerance band as a rep can be. */
  Constraint emptyTerritory(ConstraintFactory factory) {
    return factory
        .forEach(Territory.class)
        .ifNotExists(AccountAssignment.class, Joiners.equal(t -> t, AccountAssignment::territory))
        .filter(t -> t.bandLowPoints() > 0)
        .penalizeLong(HardMediumSoftLongScore.ONE_MEDIUM, Territory::bandLowPoints)
        .asConstraint(EMPTY_TERRITORY);
  }

  /** Every rep of a segment should carry the same potential per unit of capacity. */
  Constraint potentialBalance(ConstraintFactory factory) {
    return factory
        .forEach(AccountAssignment.class)
        .groupBy(
            AccountAssignment::territory,
            ConstraintCollectors.sumLong(AccountAssignment::potentialPoints))
        .penalizeLong(HardMediumSoftLongScore.ONE_SOFT, Territory::potentialPenalty)
        .asConstraint(POTENTIAL_BALANCE);
  }

  /** Every rep of a segment should carry the same workload per unit of capacity. */
  Constraint workloadBalance(ConstraintFactory factory) {
    return factory
        .forEach(AccountAssignment.class)
        .groupBy(
            AccountAssignment::territory,
            ConstraintCollectors.sumLong(AccountAssignment::workloadMilliHours))
        .penalizeLong(HardMediumSoftLongScore.ONE_SOFT, Territory::workloadPenalty)
        .asConstraint(WORKLOAD_BALANCE);
  }

  /** Customers keep their rep unless a move is worth it; counted per account taken away. */
  Constraint disruption(ConstraintFactory factory) {
    return factory
        .forEach(AccountAssignment.class)
        .filter(a -> !a.isWithIncumbent())
        .penalizeLong(HardMediumSoftLongScore.ONE_SOFT, AccountAssignment::disruptionPoints)
        .asConstraint(DISRUPTION);
  }

  /** Reps should sell close to home (skipped when either location is unknown). */
  Constraint travel(ConstraintFactory factory) {
    return factory
        .forEach(AccountAssignment.class)
        .filter(a -> a.account().location() != null && a.territory().rep().home() != null)
        .penalizeLong(HardMediumSoftLongScore.ONE_SOFT, AccountAssignment::travelPenalty)
        .asConstraint(TRAVEL);
  }
}
