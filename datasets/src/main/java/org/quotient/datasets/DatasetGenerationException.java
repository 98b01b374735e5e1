package org.quotient.datasets;

/** A dataset could not be generated; the message says what is wrong and how to fix it. */
public class DatasetGenerationException extends RuntimeException {
  DatasetGenerationException(String message) {
    super(message);
  }

  DatasetGenerationException(String message, Throwable cause) {
    super(message, cause);
  }
}
