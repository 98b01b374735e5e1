package org.quotient.engine.bench;

import org.optaplanner.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import org.optaplanner.core.api.score.stream.Constraint;
import org.optaplanner.core.api.score.stream.ConstraintCollectors;
import org.optaplanner.core.api.score.stream.ConstraintFactory;
import org.optaplanner.core.api.score.stream.ConstraintProvider;

/** The textbook constraint set of the plain model: eligibility and locks hard, balance soft. */
public class PlainConstraints implements ConstraintProvider {
  @Override
  public Constraint[] defineConstraints(ConstraintFactory factory) {
    return new Constraint[] {segmentEligibility(factory), lock(factory), potentialBalance(factory)};
  }

  /** A rep only sells to accounts of their own segment. */
  Constraint segmentEligibility(ConstraintFactory factory) {
    return factory
        .forEach(PlainAccount.class)
        .filter(a -> a.rep().segment() != a.segment())
        .penalize(HardSoftLongScore.ONE_HARD)
        .asConstraint("segment eligibility");
  }

  /** A locked account stays with its rep. */
  Constraint lock(ConstraintFactory factory) {
    return factory
        .forEach(PlainAccount.class)
        .filter(a -> a.lockedRep() >= 0 && a.rep().index() != a.lockedRep())
        .penalize(HardSoftLongScore.ONE_HARD)
        .asConstraint("locked account");
  }

  /** Even potential per capacity: sum of load^2 / capacity is least when loads are proportional. */
  Constraint potentialBalance(ConstraintFactory factory) {
    return factory
        .forEach(PlainAccount.class)
        .groupBy(PlainAccount::rep, ConstraintCollectors.sumLong(PlainAccount::points))
        .penalizeLong(
            HardSoftLongScore.ONE_SOFT, (rep, load) -> load * load * 10 / rep.capacityTenths())
        .asConstraint("potential balance");
  }
}
