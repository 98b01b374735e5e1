package org.quotient.engine.schema;

import org.apache.spark.sql.Column;

/**
 * A rule about single rows: where {@code broken} is true, the row has {@code problem} in {@code
 * column} (showing {@code value}), fixed as {@code fix} says.
 */
record RowCheck(String column, Column broken, Column value, String problem, String fix) {}
