package org.quotient.engine.schema;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Inputs that passed validation, typed exactly as {@link InputSchema} says (quota history is empty
 * when the optional file is absent).
 *
 * @param notes informational lines for the run log (ignored columns, skipped features)
 */
public record ValidatedInputs(
    Dataset<Row> accounts,
    Dataset<Row> reps,
    Dataset<Row> opportunities,
    Dataset<Row> quotaHistory,
    long accountRows,
    long repRows,
    long opportunityRows,
    long quotaHistoryRows,
    boolean accountsHaveLocations,
    boolean repsHaveLocations,
    List<String> notes) {}
