package org.quotient.engine.schema;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Inputs that passed validation, typed exactly as {@link InputSchema} says (quota history is empty
 * when the optional file is absent).
 *
 * @param rejected rows set aside by a {@link Quarantine} (none without one); the row counts and
 *     Datasets above exclude them
 * @param notes informational lines for the run log (ignored columns, skipped features)
 * @param cached Datasets validation left in Spark's cache, for the run to unpersist when it ends
 *     (else a rerun in the same session would be served the old rows of a fixed file)
 * @param historyCached the part of {@code cached} holding opportunities and quota history, by far
 *     the largest inputs: once the history features are computed, nothing needs them
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
    RejectedRows rejected,
    List<String> notes,
    List<Dataset<?>> cached,
    List<Dataset<?>> historyCached) {}
