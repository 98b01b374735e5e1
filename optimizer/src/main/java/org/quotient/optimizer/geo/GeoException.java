package org.quotient.optimizer.geo;

/**
 * A geographic-unit problem that cannot be solved as given; the message says what and how to fix.
 */
public final class GeoException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  GeoException(String message) {
    super(message);
  }
}
