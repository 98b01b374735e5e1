package org.quotient.engine.schema;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_compact;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;
import org.quotient.engine.EngineErrors;
import org.quotient.engine.io.InputLocator;
import org.quotient.engine.io.InputReader;
import org.quotient.engine.io.InputSource;

/**
 * Validates the input folder against {@link InputSchema}: headers, types, ranges, keys and
 * references between tables. Every problem found is reported at once with file, row, column, value
 * and a fix; if there is any, nothing downstream runs.
 */
public final class InputValidator {
  static final int MAX_TEXT_LENGTH = 1000;

  /** Up to this many rows set aside are sent to every task; more are joined by a shuffle. */
  private static final long BROADCAST_MAX_IDS = 1_000_000;

  private static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);
  private static final LocalDate LATEST_DATE = LocalDate.of(2100, 12, 31);
  private static final Set<String> STAGES = Set.of("won", "lost", "open");

  private final SparkSession spark;

  /**
   * What this validation put in Spark's cache. It must leave the cache when the run ends: the cache
   * outlives the run in a long-lived session (a notebook), and Spark serves a later read of the
   * same files from it, so a rerun after fixing a file would see the old rows.
   */
  private final List<Dataset<?>> cached = new ArrayList<>();

  /** The part of {@link #cached} that only feeds the history features (the largest inputs). */
  private final List<Dataset<?>> historyCached = new ArrayList<>();

  public InputValidator(SparkSession spark) {
    this.spark = spark;
  }

  /** Reads and validates every input; throws a QuotientException listing all problems found. */
  public ValidatedInputs validate(InputLocator locator) {
    return validate(locator, Quarantine.OFF);
  }

  /**
   * Reads and validates every input. Problems in the tables {@code quarantine} covers set their
   * rows aside (see {@link ValidatedInputs#rejected()}); any other problem throws a
   * QuotientException listing all problems found.
   */
  public ValidatedInputs validate(InputLocator locator, Quarantine quarantine) {
    try {
      return validateOrThrow(locator, quarantine);
    } catch (RuntimeException e) {
      cached.forEach(Dataset::unpersist);
      throw e;
    }
  }

  private <T> Dataset<T> cache(Dataset<T> dataset) {
    dataset.persist(StorageLevel.MEMORY_AND_DISK());
    cached.add(dataset);
    return dataset;
  }

  private <T> Dataset<T> cacheHistory(Dataset<T> dataset) {
    historyCached.add(dataset);
    return cache(dataset);
  }

  private static boolean isHistory(InputSchema table) {
    return Quarantine.TABLES.contains(table);
  }

  private ValidatedInputs validateOrThrow(InputLocator locator, Quarantine quarantine) {
    Map<InputSchema, InputSource> sources = new EnumMap<>(InputSchema.class);
    for (InputSchema table : InputSchema.values()) {
      if (table == InputSchema.QUOTA_HISTORY) {
        locator.find(table.fileName()).ifPresent(s -> sources.put(table, s));
      } else {
        sources.put(table, locator.require(table.fileName()));
      }
    }

    List<String> notes = new ArrayList<>();
    List<ValidationProblem> headerProblems = new ArrayList<>();
    Map<InputSchema, Dataset<Row>> raw = new EnumMap<>(InputSchema.class);
    for (Map.Entry<InputSchema, InputSource> e : sources.entrySet()) {
      Dataset<Row> table = InputReader.readRaw(spark, e.getValue());
      headerProblems.addAll(checkHeader(e.getKey(), e.getValue(), table, notes));
      raw.put(e.getKey(), table);
    }
    if (!headerProblems.isEmpty()) {
      throw EngineErrors.validationFailed(headerProblems, headerProblems.size());
    }

    Map<InputSchema, Dataset<Row>> typed = new EnumMap<>(InputSchema.class);
    Map<InputSchema, Long> rowCounts = new EnumMap<>(InputSchema.class);
    List<Dataset<Row>> problems = new ArrayList<>();
    List<ValidationProblem> fileProblems = new ArrayList<>();
    for (Map.Entry<InputSchema, Dataset<Row>> e : raw.entrySet()) {
      InputSchema table = e.getKey();
      String file = sources.get(table).displayName();
      // The cache holds the rows as read (contract columns only); the typed columns are computed
      // on each scan. Caching both would store every text column twice: at tens of millions of
      // opportunities that is the difference between a cache that fits and one spilled to disk.
      Dataset<Row> asRead = contractColumnsAsRead(table, e.getValue());
      Dataset<Row> withTyped =
          withTypedColumns(table, isHistory(table) ? cacheHistory(asRead) : cache(asRead));
      long rows = withTyped.count();
      rowCounts.put(table, rows);
      if (rows == 0 && table != InputSchema.QUOTA_HISTORY) {
        fileProblems.add(
            new ValidationProblem(
                file,
                0,
                "",
                null,
                "the file has a header but no rows",
                "export the " + table.fileName() + " rows, not just the header"));
      }
      problems.add(rowProblems(file, withTyped, rowChecks(table)));
      problems.add(duplicateKeys(file, table, withTyped));
      typed.put(table, withTyped);
    }
    problems.addAll(referenceProblems(sources, typed));

    boolean accountsHaveLocations =
        coordinateProblems(
            sources.get(InputSchema.ACCOUNTS).displayName(),
            typed.get(InputSchema.ACCOUNTS),
            "lat",
            "lon",
            rowCounts.get(InputSchema.ACCOUNTS),
            problems);
    boolean repsHaveLocations =
        coordinateProblems(
            sources.get(InputSchema.REPS).displayName(),
            typed.get(InputSchema.REPS),
            "home_lat",
            "home_lon",
            rowCounts.get(InputSchema.REPS),
            problems);
    if (!accountsHaveLocations || !repsHaveLocations) {
      notes.add(
          "no coordinates on "
              + (accountsHaveLocations ? "reps" : "accounts")
              + ": travel distance is not optimised or reported");
    }

    Dataset<Row> all = problems.stream().reduce(Dataset::unionByName).orElseThrow();
    all.persist(StorageLevel.MEMORY_AND_DISK());
    RejectedRows rejected;
    try {
      rejected = settle(all, fileProblems, quarantine, sources, typed, rowCounts, notes);
    } finally {
      all.unpersist();
    }

    Dataset<Row> quotaHistory =
        typed.containsKey(InputSchema.QUOTA_HISTORY)
            ? contractColumns(InputSchema.QUOTA_HISTORY, typed.get(InputSchema.QUOTA_HISTORY))
            : spark.createDataFrame(List.of(), InputSchema.QUOTA_HISTORY.sparkType());
    if (!typed.containsKey(InputSchema.QUOTA_HISTORY)) {
      notes.add("no quota_history: quota change caps apply to no rep");
    }
    return new ValidatedInputs(
        contractColumns(InputSchema.ACCOUNTS, typed.get(InputSchema.ACCOUNTS)),
        contractColumns(InputSchema.REPS, typed.get(InputSchema.REPS)),
        contractColumns(InputSchema.OPPORTUNITIES, typed.get(InputSchema.OPPORTUNITIES)),
        quotaHistory,
        rowCounts.get(InputSchema.ACCOUNTS),
        rowCounts.get(InputSchema.REPS),
        rowCounts.get(InputSchema.OPPORTUNITIES),
        rowCounts.getOrDefault(InputSchema.QUOTA_HISTORY, 0L),
        accountsHaveLocations,
        repsHaveLocations,
        rejected,
        List.copyOf(notes),
        List.copyOf(cached),
        List.copyOf(historyCached));
  }

  /**
   * Stops on any problem that is not quarantined; sets the quarantined tables' problem rows aside
   * (dropping them from {@code typed} and {@code rowCounts}) and returns them.
   */
  private RejectedRows settle(
      Dataset<Row> all,
      List<ValidationProblem> fileProblems,
      Quarantine quarantine,
      Map<InputSchema, InputSource> sources,
      Map<InputSchema, Dataset<Row>> typed,
      Map<InputSchema, Long> rowCounts,
      List<String> notes) {
    Map<String, InputSchema> quarantined = new TreeMap<>();
    sources.forEach(
        (table, source) -> {
          if (quarantine.covers(table)) {
            quarantined.put(source.displayName(), table);
          }
        });
    Dataset<Row> fatal =
        quarantined.isEmpty()
            ? all
            : all.where(col("file").isin(quarantined.keySet().toArray()).unary_$bang());
    long total = fatal.count() + fileProblems.size();
    if (total > 0) {
      List<ValidationProblem> first = firstProblems(fileProblems, fatal, typed, sources);
      throw quarantine.enabled()
          ? EngineErrors.validationFailedDespiteQuarantine(first, total)
          : EngineErrors.validationFailed(first, total);
    }
    Dataset<Row> rejected = spark.createDataFrame(List.of(), RejectedRows.SCHEMA);
    long rejectedCount = 0;
    for (Map.Entry<String, InputSchema> q : quarantined.entrySet()) {
      InputSchema table = q.getValue();
      Dataset<Row> original = typed.get(table);
      Dataset<Row> tableProblems = all.where(col("file").equalTo(q.getKey()));
      // Kept in the cache: the problems they come from leave it when validation ends.
      Dataset<Row> problemRows =
          cache(
              tableProblems
                  .join(original.select(rawColumns(table)), "row")
                  // JSON only for the rows set aside, after the join
                  .select(
                      col("file"),
                      col("row"),
                      col("column"),
                      col("value"),
                      col("problem"),
                      col("fix"),
                      rawRecord(table)));
      long problemCount = problemRows.count();
      if (problemCount == 0) {
        continue;
      }
      Dataset<Row> badRecords =
          cacheHistory(problemRows.select(col("row").as(InputReader.RECORD_ID)).distinct());
      long bad = badRecords.count();
      long rows = rowCounts.get(table);
      if (quarantine.exceeded(bad, rows)) {
        throw EngineErrors.tooManyRejected(
            q.getKey(),
            bad,
            rows,
            quarantine.maxPercent(),
            firstProblems(List.of(), tableProblems, typed, sources),
            problemCount);
      }
      Column rowNumber = InputReader.rowNumbers(original).column(col("row"));
      rejected =
          rejected.unionByName(
              problemRows.select(
                  col("file"),
                  rowNumber.as("row"),
                  col("column"),
                  col("value"),
                  col("problem"),
                  col("fix"),
                  col("record")));
      typed.put(
          table,
          original.join(
              bad <= BROADCAST_MAX_IDS ? broadcast(badRecords) : badRecords,
              InputReader.RECORD_ID,
              "left_anti"));
      rowCounts.put(table, rows - bad);
      rejectedCount += bad;
      notes.add(
          String.format(
              "%s: %,d row(s) with %,d problem(s) set aside in rejected_rows; %,d rows kept",
              q.getKey(), bad, problemCount, rows - bad));
    }
    return new RejectedRows(rejected, rejectedCount);
  }

  /** Up to {@link EngineErrors#MAX_LISTED_PROBLEMS} problems, first by file and row. */
  private static List<ValidationProblem> firstProblems(
      List<ValidationProblem> fileProblems,
      Dataset<Row> problems,
      Map<InputSchema, Dataset<Row>> typed,
      Map<InputSchema, InputSource> sources) {
    List<ValidationProblem> listed = new ArrayList<>(fileProblems);
    Map<String, Dataset<Row>> byFile = new HashMap<>();
    typed.forEach((table, rows) -> byFile.put(sources.get(table).displayName(), rows));
    Map<String, InputReader.RowNumbers> rowNumbers = new HashMap<>();
    for (Row r :
        problems
            .orderBy(col("file"), col("row"), col("column"))
            .limit(EngineErrors.MAX_LISTED_PROBLEMS)
            .collectAsList()) {
      String file = r.getString(0);
      long row =
          rowNumbers
              .computeIfAbsent(file, f -> InputReader.rowNumbers(byFile.get(f)))
              .rowOf(r.getLong(1));
      listed.add(
          new ValidationProblem(
              file, row, r.getString(2), r.getString(3), r.getString(4), r.getString(5)));
    }
    listed.sort(
        Comparator.comparing(ValidationProblem::file).thenComparingLong(ValidationProblem::row));
    return listed.subList(0, Math.min(listed.size(), EngineErrors.MAX_LISTED_PROBLEMS));
  }

  /** The record id (as {@code row}) and each contract column's text as read. */
  private static Column[] rawColumns(InputSchema table) {
    List<Column> columns = new ArrayList<>();
    columns.add(col(InputReader.RECORD_ID).as("row"));
    table.columns().forEach(c -> columns.add(col(rawName(c.name()))));
    return columns.toArray(Column[]::new);
  }

  /** The row as the file gave it, as JSON text with the contract's column names. */
  private static Column rawRecord(InputSchema table) {
    return to_json(
            struct(
                table.columns().stream()
                    .map(c -> col(rawName(c.name())).as(c.name()))
                    .toArray(Column[]::new)))
        .as("record");
  }

  // ---- header ---------------------------------------------------------------------------

  static List<ValidationProblem> checkHeader(
      InputSchema table, InputSource source, Dataset<Row> raw, List<String> notes) {
    List<ValidationProblem> problems = new ArrayList<>();
    Set<String> present = new LinkedHashSet<>(Arrays.asList(raw.columns()));
    present.remove(InputReader.RECORD_ID);
    if (present.isEmpty()) {
      problems.add(
          new ValidationProblem(
              source.displayName(),
              0,
              "",
              null,
              "the file is empty (no header row)",
              "export " + table.fileName() + " with a header row: " + columnList(table)));
      return problems;
    }
    Set<String> known = new LinkedHashSet<>();
    for (InputSchema.Column c : table.columns()) {
      known.add(c.name());
    }
    Set<String> unknown = new LinkedHashSet<>(present);
    unknown.removeAll(known);
    for (InputSchema.Column c : table.columns()) {
      if (c.required() && !present.contains(c.name())) {
        Optional<String> guess = closest(c.name(), unknown);
        String fix =
            guess
                .map(g -> "rename column '" + g + "' to '" + c.name() + "'")
                .orElse("add a column '" + c.name() + "' (" + c.meaning() + ")");
        problems.add(
            new ValidationProblem(
                source.displayName(),
                0,
                c.name(),
                null,
                "required column '"
                    + c.name()
                    + "' is missing (columns found: "
                    + String.join(", ", present)
                    + ")",
                fix));
      }
    }
    if (!unknown.isEmpty()) {
      notes.add(source.displayName() + ": ignored column(s) " + String.join(", ", unknown));
    }
    return problems;
  }

  private static String columnList(InputSchema table) {
    return String.join(",", table.columns().stream().map(InputSchema.Column::name).toList());
  }

  /** The unknown column most like the expected name (a likely misspelling), if close enough. */
  static Optional<String> closest(String expected, Set<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = levenshtein(expected.toLowerCase(), c.toLowerCase().trim());
      if (d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    return bestDistance <= Math.max(2, expected.length() / 4)
        ? Optional.of(best)
        : Optional.empty();
  }

  private static int levenshtein(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  // ---- types and single-row rules -------------------------------------------------------

  /** Raw text column name kept beside the typed one, so messages can show what the file said. */
  static String rawName(String column) {
    return "_raw_" + column;
  }

  /** The record id and the contract's columns the input has, as read (others are ignored). */
  static Dataset<Row> contractColumnsAsRead(InputSchema table, Dataset<Row> raw) {
    Set<String> present = new LinkedHashSet<>(Arrays.asList(raw.columns()));
    List<Column> kept = new ArrayList<>();
    kept.add(col(InputReader.RECORD_ID));
    for (InputSchema.Column c : table.columns()) {
      if (present.contains(c.name())) {
        kept.add(col("`" + c.name() + "`"));
      }
    }
    return raw.select(kept.toArray(Column[]::new));
  }

  /** Adds a typed column per contract column (missing optional columns become null). */
  static Dataset<Row> withTypedColumns(InputSchema table, Dataset<Row> raw) {
    Set<String> present = new LinkedHashSet<>(Arrays.asList(raw.columns()));
    List<Column> out = new ArrayList<>();
    out.add(col(InputReader.RECORD_ID));
    for (InputSchema.Column c : table.columns()) {
      Column source =
          present.contains(c.name()) ? col("`" + c.name() + "`") : lit(null).cast(c.type());
      Column text = source.cast(DataTypes.StringType);
      out.add(text.as(rawName(c.name())));
      out.add(typedValue(table, c, source).as(c.name()));
    }
    return raw.select(out.toArray(Column[]::new));
  }

  private static Column typedValue(InputSchema table, InputSchema.Column c, Column source) {
    if (c.type().equals(DataTypes.StringType)) {
      Column text = source.cast(DataTypes.StringType);
      return table == InputSchema.OPPORTUNITIES && c.name().equals("stage") ? lower(text) : text;
    }
    if (c.type().equals(DataTypes.BooleanType) && c.name().equals("active")) {
      return coalesce(source.try_cast(DataTypes.BooleanType), lit(true));
    }
    return source.try_cast(c.type());
  }

  static List<RowCheck> rowChecks(InputSchema table) {
    List<RowCheck> checks = new ArrayList<>();
    for (InputSchema.Column c : table.columns()) {
      Column raw = col(rawName(c.name()));
      Column typed = col(c.name());
      if (c.required()) {
        checks.add(
            new RowCheck(
                c.name(),
                raw.isNull(),
                raw,
                "a required value is empty",
                "fill in " + c.meaning()));
      }
      if (!c.type().equals(DataTypes.StringType)) {
        checks.add(
            new RowCheck(
                c.name(),
                raw.isNotNull().and(typed.isNull()),
                raw,
                typeProblem(c.type()),
                typeFix(c.type())));
      } else {
        // Spark decodes bytes that are not UTF-8 as U+FFFD; a name silently mangled is worse
        // than a clear stop.
        checks.add(
            new RowCheck(
                c.name(),
                raw.contains("\uFFFD"),
                raw,
                "the text is not valid UTF-8 (it shows the replacement character \uFFFD)",
                "re-export the file as UTF-8 (e.g. from Excel: CSV UTF-8)"));
        checks.add(
            new RowCheck(
                c.name(),
                length(raw).gt(MAX_TEXT_LENGTH),
                raw,
                "the text is longer than " + MAX_TEXT_LENGTH + " characters",
                "shorten it; keys and labels should be short"));
      }
      if (c.type().equals(DataTypes.DoubleType)) {
        checks.add(
            new RowCheck(
                c.name(),
                isnan(typed)
                    .or(typed.equalTo(Double.POSITIVE_INFINITY))
                    .or(typed.equalTo(Double.NEGATIVE_INFINITY)),
                raw,
                "the number is not finite",
                "write a real number; NaN and infinity are not values"));
      }
      if (c.type().equals(DataTypes.DateType)) {
        checks.add(
            new RowCheck(
                c.name(),
                typed
                    .lt(lit(java.sql.Date.valueOf(EARLIEST_DATE)))
                    .or(typed.gt(lit(java.sql.Date.valueOf(LATEST_DATE)))),
                raw,
                "the date is out of range " + EARLIEST_DATE + ".." + LATEST_DATE,
                "check the year; write dates as YYYY-MM-DD"));
      }
    }
    switch (table) {
      case ACCOUNTS -> {
        checks.add(nonNegative("employees", "a head count"));
        checks.add(nonNegative("annual_revenue", "a revenue"));
        checks.add(latitude("lat"));
        checks.add(longitude("lon"));
        checks.add(bothOrNeither("lat", "lon"));
      }
      case REPS -> {
        checks.add(
            new RowCheck(
                "capacity",
                col("capacity").leq(0),
                col(rawName("capacity")),
                "capacity must be greater than 0",
                "give the rep's full-time equivalents, e.g. 1.0 or 0.5; remove reps who are not"
                    + " selling"));
        checks.add(latitude("home_lat"));
        checks.add(longitude("home_lon"));
        checks.add(bothOrNeither("home_lat", "home_lon"));
      }
      case OPPORTUNITIES -> {
        checks.add(nonNegative("amount", "an amount"));
        checks.add(
            new RowCheck(
                "stage",
                col("stage").isNotNull().and(col("stage").isin(STAGES.toArray()).unary_$bang()),
                col(rawName("stage")),
                "unknown stage",
                "use one of won, lost, open"));
        checks.add(
            new RowCheck(
                "close_date",
                col("stage").isin("won", "lost").and(col(rawName("close_date")).isNull()),
                col(rawName("close_date")),
                "a closed (won or lost) opportunity has no close_date",
                "fill in the date it closed as YYYY-MM-DD"));
        checks.add(
            new RowCheck(
                "close_date",
                col("close_date").lt(col("created_date")),
                col(rawName("close_date")),
                "close_date is before created_date",
                "check both dates; an opportunity closes on or after it is created"));
      }
      case QUOTA_HISTORY -> {
        checks.add(nonNegative("quota", "a quota"));
        checks.add(nonNegative("bookings", "bookings"));
        checks.add(
            new RowCheck(
                "period_end",
                col("period_end").leq(col("period_start")),
                col(rawName("period_end")),
                "period_end is not after period_start",
                "check the period's dates"));
      }
    }
    return checks;
  }

  private static RowCheck nonNegative(String column, String what) {
    return new RowCheck(
        column,
        col(column).lt(0),
        col(rawName(column)),
        "a negative value",
        "write " + what + " of 0 or more (refunds and credits are not part of the input)");
  }

  private static RowCheck latitude(String column) {
    return new RowCheck(
        column,
        col(column).lt(-90).or(col(column).gt(90)),
        col(rawName(column)),
        "latitude out of range -90..90",
        "check the coordinate (are lat and lon swapped?)");
  }

  private static RowCheck longitude(String column) {
    return new RowCheck(
        column,
        col(column).lt(-180).or(col(column).gt(180)),
        col(rawName(column)),
        "longitude out of range -180..180",
        "check the coordinate (are lat and lon swapped?)");
  }

  private static RowCheck bothOrNeither(String lat, String lon) {
    return new RowCheck(
        lon,
        col(rawName(lat)).isNull().notEqual(col(rawName(lon)).isNull()),
        coalesce(col(rawName(lon)), col(rawName(lat))),
        "only one of " + lat + " and " + lon + " is given",
        "give both coordinates or leave both empty");
  }

  private static String typeProblem(DataType type) {
    if (type.equals(DataTypes.LongType)) {
      return "not a whole number";
    } else if (type.equals(DataTypes.DoubleType)) {
      return "not a number";
    } else if (type.equals(DataTypes.DateType)) {
      return "not a date";
    } else if (type.equals(DataTypes.BooleanType)) {
      return "not true or false";
    }
    return "not a " + type.simpleString();
  }

  private static String typeFix(DataType type) {
    if (type.equals(DataTypes.LongType)) {
      return "write a whole number such as 250, without separators or decimals";
    } else if (type.equals(DataTypes.DoubleType)) {
      return "write a plain number such as 1250000.50, without currency symbols or thousands"
          + " separators";
    } else if (type.equals(DataTypes.DateType)) {
      return "write the date as YYYY-MM-DD, e.g. 2025-03-31";
    } else if (type.equals(DataTypes.BooleanType)) {
      return "write true or false";
    }
    return "write a " + type.simpleString();
  }

  /** Problem rows as (file, row, column, value, problem, fix), evaluated in one pass. */
  static Dataset<Row> rowProblems(String file, Dataset<Row> typed, List<RowCheck> checks) {
    Column[] flagged =
        checks.stream()
            .map(
                c ->
                    when(
                        coalesce(c.broken(), lit(false)),
                        struct(
                            lit(c.column()).as("column"),
                            c.value().cast(DataTypes.StringType).as("value"),
                            lit(c.problem()).as("problem"),
                            lit(c.fix()).as("fix"))))
            .toArray(Column[]::new);
    return typed
        .select(col(InputReader.RECORD_ID), explode(array_compact(array(flagged))).as("p"))
        .select(
            lit(file).as("file"),
            col(InputReader.RECORD_ID).as("row"),
            col("p.column").as("column"),
            col("p.value").as("value"),
            col("p.problem").as("problem"),
            col("p.fix").as("fix"));
  }

  // ---- keys and references --------------------------------------------------------------

  static Dataset<Row> duplicateKeys(String file, InputSchema table, Dataset<Row> typed) {
    Column[] key = table.key().stream().map(k -> col(k)).toArray(Column[]::new);
    Dataset<Row> dupKeys =
        typed
            .where(array(key).isNotNull())
            .groupBy(key)
            .agg(count(lit(1)).as("n"))
            .where(col("n").gt(1));
    Column keyText =
        table.key().size() == 1
            ? col(rawName(table.key().get(0)))
            : org.apache.spark.sql.functions.concat_ws(
                "/", table.key().stream().map(k -> col(rawName(k))).toArray(Column[]::new));
    return typed
        .join(
            dupKeys,
            scala.jdk.javaapi.CollectionConverters.asScala(table.key()).toSeq(),
            "left_semi")
        .select(
            lit(file).as("file"),
            col(InputReader.RECORD_ID).as("row"),
            lit(String.join(",", table.key())).as("column"),
            keyText.as("value"),
            lit("the key appears more than once").as("problem"),
            lit("keep one row per "
                    + String.join(" and ", table.key())
                    + " (merge or remove the duplicates)")
                .as("fix"));
  }

  private List<Dataset<Row>> referenceProblems(
      Map<InputSchema, InputSource> sources, Map<InputSchema, Dataset<Row>> typed) {
    Dataset<Row> accounts = typed.get(InputSchema.ACCOUNTS);
    Dataset<Row> reps = typed.get(InputSchema.REPS);
    Dataset<Row> opportunities = typed.get(InputSchema.OPPORTUNITIES);
    Dataset<Row> accountIds = accounts.select(col("account_id").as("ref")).distinct();
    Dataset<Row> repIds = reps.select(col("rep_id").as("ref")).distinct();
    String accountsFile = sources.get(InputSchema.ACCOUNTS).displayName();
    String repsFile = sources.get(InputSchema.REPS).displayName();
    String oppFile = sources.get(InputSchema.OPPORTUNITIES).displayName();

    List<Dataset<Row>> problems = new ArrayList<>();
    problems.add(
        unknownReference(
            oppFile,
            opportunities,
            "account_id",
            accountIds,
            accountsFile,
            "add the account to " + accountsFile + " or drop its opportunities"));
    problems.add(
        unknownReference(
            oppFile,
            opportunities,
            "rep_id",
            repIds,
            repsFile,
            "add the rep to " + repsFile + " (active=false for reps who left)"));
    problems.add(
        unknownReference(
            accountsFile,
            accounts,
            "current_rep_id",
            repIds,
            repsFile,
            "add the rep to " + repsFile + " (active=false if they left) or leave it empty"));
    problems.add(
        unknownReference(
            accountsFile,
            accounts,
            "locked_rep_id",
            repIds,
            repsFile,
            "lock the account to a rep listed in " + repsFile + " or leave it empty"));
    problems.add(
        unknownReference(
            accountsFile,
            accounts,
            "parent_account_id",
            accountIds,
            accountsFile,
            "add the parent account or leave parent_account_id empty"));
    if (typed.containsKey(InputSchema.QUOTA_HISTORY)) {
      problems.add(
          unknownReference(
              sources.get(InputSchema.QUOTA_HISTORY).displayName(),
              typed.get(InputSchema.QUOTA_HISTORY),
              "rep_id",
              repIds,
              repsFile,
              "add the rep to " + repsFile + " (active=false for reps who left)"));
    }

    Dataset<Row> activeReps = reps.where(col("active"));
    // A lock to a rep who left or sells to another segment can never be honoured.
    problems.add(
        accounts
            .where(col("locked_rep_id").isNotNull())
            .join(
                reps.select(
                    col("rep_id").as("locked_rep_id"),
                    col("segment").as("rep_segment"),
                    col("active").as("rep_active")),
                "locked_rep_id")
            .where(col("rep_active").unary_$bang().or(col("rep_segment").notEqual(col("segment"))))
            .select(
                lit(accountsFile).as("file"),
                col(InputReader.RECORD_ID).as("row"),
                lit("locked_rep_id").as("column"),
                col("locked_rep_id").as("value"),
                when(
                        col("rep_active").unary_$bang(),
                        lit("the account is locked to a rep who is not active"))
                    .otherwise(lit("the account is locked to a rep of another segment"))
                    .as("problem"),
                lit("lock it to an active rep of the account's segment, or clear the lock")
                    .as("fix")));
    // A segment with accounts but no active rep to take them.
    Dataset<Row> coveredSegments = activeReps.select(col("segment").as("ref")).distinct();
    problems.add(
        accounts
            .join(
                coveredSegments,
                accounts.col("segment").equalTo(coveredSegments.col("ref")),
                "left_anti")
            .groupBy(col("segment"))
            .agg(
                org.apache.spark.sql.functions.min(col(InputReader.RECORD_ID)).as("row"),
                count(lit(1)).as("n"))
            .select(
                lit(accountsFile).as("file"),
                col("row"),
                lit("segment").as("column"),
                col("segment").as("value"),
                org.apache
                    .spark
                    .sql
                    .functions
                    .concat(
                        lit("no active rep covers this segment ("),
                        col("n").cast("string"),
                        lit(" account(s), first at this row)"))
                    .as("problem"),
                lit("add an active rep with this segment to "
                        + repsFile
                        + ", or correct the accounts' segment")
                    .as("fix")));
    return problems;
  }

  private static Dataset<Row> unknownReference(
      String file,
      Dataset<Row> rows,
      String column,
      Dataset<Row> keys,
      String keysFile,
      String fix) {
    return rows.where(col(column).isNotNull())
        .join(keys, rows.col(column).equalTo(keys.col("ref")), "left_anti")
        .select(
            lit(file).as("file"),
            col(InputReader.RECORD_ID).as("row"),
            lit(column).as("column"),
            col(rawName(column)).as("value"),
            lit("no such id in " + keysFile).as("problem"),
            lit(fix).as("fix"));
  }

  /**
   * Coordinates are optional for a whole table but not for some rows only: a half-geocoded table
   * would silently skew travel. Returns true when the table has coordinates.
   */
  private static boolean coordinateProblems(
      String file,
      Dataset<Row> typed,
      String lat,
      String lon,
      long rows,
      List<Dataset<Row>> problems) {
    long located =
        typed.where(col(rawName(lat)).isNotNull().or(col(rawName(lon)).isNotNull())).count();
    if (located > 0 && located < rows) {
      problems.add(
          typed
              .where(col(rawName(lat)).isNull().and(col(rawName(lon)).isNull()))
              .select(
                  lit(file).as("file"),
                  col(InputReader.RECORD_ID).as("row"),
                  lit(lat + "," + lon).as("column"),
                  lit(null).cast(DataTypes.StringType).as("value"),
                  lit("coordinates are missing while "
                          + located
                          + " of "
                          + rows
                          + " rows have them")
                      .as("problem"),
                  lit("geocode the row, or clear "
                          + lat
                          + " and "
                          + lon
                          + " on every row to plan without travel")
                      .as("fix")));
    }
    return located > 0;
  }

  private static Dataset<Row> contractColumns(InputSchema table, Dataset<Row> typed) {
    return typed.select(table.columns().stream().map(c -> col(c.name())).toArray(Column[]::new));
  }
}
