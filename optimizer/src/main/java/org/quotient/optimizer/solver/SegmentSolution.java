package org.quotient.optimizer.solver;

import java.io.Serializable;
import java.util.List;

/**
 * What solving one {@link SegmentPartition} produces, wherever it ran (a thread of this JVM or a
 * Spark task on an executor): small and serializable, so a distributed solve ships it back to the
 * driver, which assembles the plan from it exactly as a single-process solve does.
 *
 * @param segment the segment
 * @param accountIds the segment's accounts, in the partition's order
 * @param repIds the rep chosen for each of them
 * @param score the segment's final score as text, e.g. "0hard/0medium/-1234soft"
 * @param takenFromCurrentRep accounts taken from a current rep who could have kept them
 * @param outsideBands one line per rep left outside a band, saying why
 * @param clusters geographic clusters local search ran on
 * @param log the progress lines of the segment's solve
 */
public record SegmentSolution(
    String segment,
    List<String> accountIds,
    List<String> repIds,
    String score,
    long takenFromCurrentRep,
    List<String> outsideBands,
    int clusters,
    List<String> log)
    implements Serializable {}
