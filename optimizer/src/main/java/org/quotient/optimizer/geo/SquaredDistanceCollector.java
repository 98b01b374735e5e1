package org.quotient.optimizer.geo;

import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.optaplanner.core.api.score.stream.uni.UniConstraintCollector;

/**
 * Sum of squared distances (km²) from a territory's units to the territory's centroid, kept
 * incrementally from exact integer sums of x, y and x²+y² (metres): Σ|p - c|² = Σ(x²+y²) - ((Σx)² +
 * (Σy)²) / n.
 */
final class SquaredDistanceCollector
    implements UniConstraintCollector<GeoUnitAssignment, SquaredDistanceCollector.Sums, Double> {

  static final class Sums {
    long count;
    long sumX;
    long sumY;
    long sumSquares;

    void add(long x, long y, int sign) {
      count += sign;
      sumX += sign * x;
      sumY += sign * y;
      sumSquares += sign * (x * x + y * y);
    }

    double squaredKm() {
      if (count == 0) {
        return 0;
      }
      double sx = sumX;
      double sy = sumY;
      double metres2 = sumSquares - (sx * sx + sy * sy) / count;
      return Math.max(0, metres2) / 1_000_000.0;
    }
  }

  @Override
  public Supplier<Sums> supplier() {
    return Sums::new;
  }

  @Override
  public BiFunction<Sums, GeoUnitAssignment, Runnable> accumulator() {
    return (sums, unit) -> {
      sums.add(unit.xMetres(), unit.yMetres(), 1);
      return () -> sums.add(unit.xMetres(), unit.yMetres(), -1);
    };
  }

  @Override
  public Function<Sums, Double> finisher() {
    return Sums::squaredKm;
  }
}
