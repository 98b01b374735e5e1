package org.quotient.optimizer.quota;

/**
 * A quota allocation that cannot be made as asked; the message says what is wrong and how to fix
 * it.
 */
public final class QuotaException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  QuotaException(String message) {
    super(message);
  }
}
