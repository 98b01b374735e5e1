package org.quotient.engine.io;

import java.util.regex.Pattern;

/**
 * Keeps credentials out of what Quotient prints and stores: a URI's user:password ({@code
 * s3a://KEY:SECRET@bucket/...}) and query string (SAS tokens, signatures) become {@code ***}; a
 * container name without a password ({@code abfss://lake@account...}) and paths stay. Applied to
 * every progress line, summary line, error message and to the input location stored in plan_runs.
 */
public final class Redaction {
  private static final Pattern USER_INFO =
      Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://)[^/@\\s:]*:[^/@\\s]+@");
  private static final Pattern QUERY =
      Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://[^\\s?]*)\\?[^\\s]*");

  private Redaction() {}

  /** The text with every URI's user info and query string masked. */
  public static String text(String text) {
    if (text == null) {
      return null;
    }
    String out = USER_INFO.matcher(text).replaceAll("$1***@");
    return QUERY.matcher(out).replaceAll("$1?***");
  }
}
