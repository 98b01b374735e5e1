package org.quotient.engine;

import java.util.List;
import java.util.stream.Collectors;
import org.quotient.engine.schema.ValidationProblem;

/**
 * Every user-facing engine error, in one place, so messages stay consistent and tests can assert
 * them exactly. Each says what is wrong, where, and how to fix it.
 */
public final class EngineErrors {
  /** How many problems a validation report lists before summarising the rest. */
  public static final int MAX_LISTED_PROBLEMS = 25;

  private EngineErrors() {}

  public static QuotientException inputFolderMissing(String folder) {
    return new QuotientException(
        "Input folder "
            + folder
            + " does not exist or is not a folder. Fix: pass --input with the folder that holds"
            + " accounts, reps and opportunities (CSV, Parquet or Delta), or create sample data"
            + " with 'bin/quotient generate --out "
            + folder
            + "'.",
        QuotientException.EXIT_INPUT);
  }

  public static QuotientException inputTableMissing(String folder, String table) {
    return new QuotientException(
        "Input "
            + table
            + " not found in "
            + folder
            + ": looked for "
            + table
            + ".csv, "
            + table
            + ".parquet and a Delta or Parquet folder "
            + table
            + "/. Fix: export the "
            + table
            + " table under one of those names.",
        QuotientException.EXIT_INPUT);
  }

  public static QuotientException inputTableAmbiguous(
      String folder, String table, List<String> found) {
    return new QuotientException(
        "Input "
            + table
            + " is ambiguous in "
            + folder
            + ": found "
            + String.join(" and ", found)
            + ". Fix: keep only one of them.",
        QuotientException.EXIT_INPUT);
  }

  public static QuotientException validationFailed(List<ValidationProblem> listed, long total) {
    return new QuotientException(validationFailedText(listed, total), QuotientException.EXIT_INPUT);
  }

  private static String validationFailedText(List<ValidationProblem> listed, long total) {
    return "Input validation failed with "
        + total
        + " problem(s); nothing was published.\n"
        + problemList(listed, total);
  }

  /**
   * As {@link #validationFailed}, when --quarantine-bad-rows could not set these problems aside.
   */
  public static QuotientException validationFailedDespiteQuarantine(
      List<ValidationProblem> listed, long total) {
    return new QuotientException(
        validationFailedText(listed, total)
            + "\n  (--quarantine-bad-rows sets aside only opportunity and quota-history rows;"
            + " problems in accounts, reps or a file as a whole must be fixed.)",
        QuotientException.EXIT_INPUT);
  }

  /** More rows of a file have problems than --max-rejected-percent lets the run set aside. */
  public static QuotientException tooManyRejected(
      String file,
      long badRows,
      long rows,
      double maxPercent,
      List<ValidationProblem> listed,
      long problems) {
    return new QuotientException(
        String.format(
            "Input validation failed: %,d of %,d rows of %s (%.2f%%) have problems, more than the"
                + " %s%% --max-rejected-percent lets --quarantine-bad-rows set aside; nothing was"
                + " published. So many bad rows usually mean a wrong export (a column shifted, a"
                + " date or number format changed). Fix: correct the export, or raise"
                + " --max-rejected-percent if these rows really should be left out.%n%s",
            badRows,
            rows,
            file,
            100.0 * badRows / Math.max(1, rows),
            new java.math.BigDecimal(String.format(java.util.Locale.ROOT, "%.4f", maxPercent))
                .stripTrailingZeros()
                .toPlainString(),
            problemList(listed, problems)),
        QuotientException.EXIT_INPUT);
  }

  private static String problemList(List<ValidationProblem> listed, long total) {
    String lines =
        listed.stream().map(p -> "  - " + p.describe()).collect(Collectors.joining("\n"));
    String more =
        total > listed.size()
            ? "\n  ... and " + (total - listed.size()) + " more problem(s) of the same kinds."
            : "";
    return lines + more;
  }

  /** How a message about one option's value starts: {@code Option --lake has 'x'}. */
  private static String optionHas(String option, String given) {
    return "Option " + option + " has '" + given + "'";
  }

  public static QuotientException locationInvalid(String option, String given, String reason) {
    return new QuotientException(
        optionHas(option, given)
            + ", which is neither a path nor a URI ("
            + reason
            + "). Fix: give a folder path, or a URI such as hdfs://host/path or s3a://bucket/path.",
        QuotientException.EXIT_INPUT);
  }

  public static QuotientException locationWithoutFileSystem(
      String option, String given, String scheme) {
    String connector =
        scheme.equals("s3a") || scheme.equals("s3")
            ? " (for S3, Hadoop's S3A connector: spark-submit --packages"
                + " org.apache.hadoop:hadoop-aws:"
                + org.apache.hadoop.util.VersionInfo.getVersion()
                + ", with s3a:// URIs)"
            : "";
    return new QuotientException(
        optionHas(option, given)
            + ", but no Hadoop file system for '"
            + scheme
            + ":' is on the classpath. Fix: add that file system's connector jar"
            + connector
            + ", or give a local path.",
        QuotientException.EXIT_INPUT);
  }

  public static QuotientException locationMissing(String option, String given) {
    return new QuotientException(
        optionHas(option, given)
            + ", which does not exist. Fix: give the path of an existing file.",
        QuotientException.EXIT_INPUT);
  }

  public static QuotientException outputIsAFile(String option, String given) {
    return new QuotientException(
        optionHas(option, given)
            + ", which is a file, but it names a folder to write into. Fix: give a folder (it is"
            + " created if missing).",
        QuotientException.EXIT_INPUT);
  }

  public static QuotientException outputIsAFolder(String option, String given) {
    return new QuotientException(
        optionHas(option, given)
            + ", which is a folder, but it names one file to write. Fix: give a file path such as "
            + given.replaceAll("/+$", "")
            + "/plan.html, or leave the option out.",
        QuotientException.EXIT_INPUT);
  }

  public static QuotientException lakeIsAFile(String lake) {
    return new QuotientException(
        "Lake path "
            + lake
            + " is a file, not a folder. Fix: pass --lake with a folder (it is created if missing).",
        QuotientException.EXIT_PUBLISH);
  }

  public static QuotientException lakeTableNotDelta(String table, String path) {
    return new QuotientException(
        "Lake table "
            + table
            + " at "
            + path
            + " exists but is not a Delta table. Fix: point --lake at an empty folder or at a"
            + " Quotient lake, or move the foreign data away.",
        QuotientException.EXIT_PUBLISH);
  }

  public static QuotientException lakeBusy(
      String table, String path, int attempts, Throwable cause) {
    return new QuotientException(
        "Lake table "
            + table
            + " at "
            + path
            + " kept changing under concurrent publishes ("
            + attempts
            + " attempts). Nothing of this plan is visible (plan_runs was not written). Fix: run"
            + " the same command again; it is safe to retry.",
        QuotientException.EXIT_PUBLISH,
        cause);
  }

  public static QuotientException lakeTableUnreadable(String table, String path, Throwable cause) {
    String reason = cause.getMessage() == null ? cause.toString() : cause.getMessage();
    int newline = reason.indexOf('\n');
    return new QuotientException(
        "Lake table "
            + table
            + " at "
            + path
            + " cannot be read as a Delta table ("
            + (newline > 0 ? reason.substring(0, newline) : reason)
            + "). Fix: restore its _delta_log from a backup, or point --lake at another folder;"
            + " nothing was published.",
        QuotientException.EXIT_PUBLISH,
        cause);
  }

  public static QuotientException lakeTableForeign(String table, String path, String missing) {
    return new QuotientException(
        "Lake table "
            + table
            + " at "
            + path
            + " is a Delta table but not a Quotient one (missing column(s) "
            + missing
            + "). Fix: point --lake at an empty folder or at a Quotient lake.",
        QuotientException.EXIT_PUBLISH);
  }

  public static QuotientException missingOption(String option) {
    return new QuotientException(
        "Missing option "
            + option
            + ". Fix: give "
            + option
            + " on the command line, or "
            + option.substring(2)
            + "=... in the --config file.",
        QuotientException.EXIT_INPUT);
  }

  public static QuotientException invalidOption(String option, String value, String fix) {
    return new QuotientException(
        "Option " + option + " has an invalid value '" + value + "'. Fix: " + fix + ".",
        QuotientException.EXIT_INPUT);
  }

  public static QuotientException tooFewOpportunitiesToFit(long usable, int needed) {
    return new QuotientException(
        "The potential model needs at least "
            + needed
            + " accounts with opportunity history to fit, found "
            + usable
            + ". Fix: supply more opportunity history (more years or accounts), or plan with"
            + " --model-weight 0 to use run-rate bookings alone.",
        QuotientException.EXIT_INPUT);
  }
}
