package org.quotient.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quotient.engine.QuotientException;
import org.quotient.engine.testing.SharedSpark;

class LakePublisherTest {
  private static final StructType ROWS =
      new StructType()
          .add("plan_id", DataTypes.StringType)
          .add("key", DataTypes.StringType)
          .add("value", DataTypes.DoubleType);

  private final SparkSession spark = SharedSpark.session();
  @TempDir Path lake;

  private Map<LakeTables, Dataset<Row>> plan(String planId, int rows) {
    return plan(planId, rows, rows);
  }

  private Map<LakeTables, Dataset<Row>> plan(String planId, int rows, int rejectedRows) {
    Map<LakeTables, Dataset<Row>> tables = new EnumMap<>(LakeTables.class);
    for (LakeTables table : LakeTables.values()) {
      List<Row> list = new ArrayList<>();
      int count =
          switch (table) {
            case PLAN_RUNS -> 1;
            case REJECTED_ROWS -> rejectedRows;
            default -> rows;
          };
      for (int i = 0; i < count; i++) {
        list.add(RowFactory.create(planId, table.tableName() + i, (double) i));
      }
      tables.put(table, spark.createDataFrame(list, ROWS));
    }
    return tables;
  }

  private long rows(LakeTables table, String planId) {
    return spark
        .read()
        .format("delta")
        .load(lake.resolve(table.tableName()).toString())
        .where("plan_id = '" + planId + "'")
        .count();
  }

  @Test
  void publishesEveryTableWithThePlanId() {
    LakePublisher publisher = new LakePublisher(spark, lake.toString());
    List<String> progress = new ArrayList<>();
    publisher.publish("p1", plan("p1", 3), progress::add);
    for (LakeTables table : LakeTables.dataTables()) {
      assertEquals(3, rows(table, "p1"), table.tableName());
    }
    assertEquals(1, rows(LakeTables.PLAN_RUNS, "p1"));
    assertTrue(
        progress.get(progress.size() - 1).startsWith("wrote plan_runs"),
        "plan_runs is written last: " + progress);
  }

  @Test
  void republishingTheSamePlanReplacesItsRowsAndKeepsOtherPlans() {
    LakePublisher publisher = new LakePublisher(spark, lake.toString());
    publisher.publish("p1", plan("p1", 3), line -> {});
    publisher.publish("p2", plan("p2", 2), line -> {});
    publisher.publish("p1", plan("p1", 4), line -> {});
    assertEquals(4, rows(LakeTables.QUOTAS, "p1"));
    assertEquals(2, rows(LakeTables.QUOTAS, "p2"));
    assertEquals(1, rows(LakeTables.PLAN_RUNS, "p1"));
  }

  @Test
  void theOptionalTableIsCreatedOnlyWithRowsAndThenKeptCurrentOnRepublish() {
    LakePublisher publisher = new LakePublisher(spark, lake.toString());
    publisher.publish("p1", plan("p1", 3, 0), line -> {});
    assertFalse(Files.exists(lake.resolve("rejected_rows")), "no empty table is created");

    publisher.publish("p2", plan("p2", 3, 2), line -> {});
    assertEquals(2, rows(LakeTables.REJECTED_ROWS, "p2"));

    publisher.publish("p2", plan("p2", 3, 0), line -> {});
    assertEquals(0, rows(LakeTables.REJECTED_ROWS, "p2"), "stale rows of the plan are replaced");
  }

  @Test
  void rejectsALakePathThatIsAFile() throws Exception {
    Path file = Files.writeString(lake.resolve("lake.txt"), "not a lake");
    QuotientException e =
        assertThrows(
            QuotientException.class,
            () -> new LakePublisher(spark, file.toString()).checkWritable());
    assertEquals(
        "Lake path "
            + file
            + " is a file, not a folder. Fix: pass --lake with a folder"
            + " (it is created if missing).",
        e.getMessage());
  }

  @Test
  void rejectsAForeignFolderWhereATableShouldBe() throws Exception {
    Files.createDirectories(lake.resolve("quotas"));
    Files.writeString(lake.resolve("quotas/data.csv"), "a,b\n1,2\n");
    QuotientException e =
        assertThrows(
            QuotientException.class,
            () -> new LakePublisher(spark, lake.toString()).checkWritable());
    assertEquals(
        "Lake table quotas at "
            + lake.resolve("quotas")
            + " exists but is not a"
            + " Delta table. Fix: point --lake at an empty folder or at a Quotient lake, or move the"
            + " foreign data away.",
        e.getMessage());
  }

  @Test
  void rejectsAForeignDeltaTableOfTheSameName() {
    spark
        .createDataFrame(
            List.of(RowFactory.create("x", "y", 1.0)),
            new StructType()
                .add("a", DataTypes.StringType)
                .add("b", DataTypes.StringType)
                .add("c", DataTypes.DoubleType))
        .write()
        .format("delta")
        .save(lake.resolve("plan_runs").toString());
    QuotientException e =
        assertThrows(
            QuotientException.class,
            () -> new LakePublisher(spark, lake.toString()).checkWritable());
    assertTrue(
        e.getMessage()
            .contains("is a Delta table but not a Quotient one (missing column(s)" + " plan_id)"),
        e.getMessage());
  }

  @Test
  void acceptsAnEmptyOrMissingLake() {
    new LakePublisher(spark, lake.resolve("new-lake").toString()).checkWritable();
    assertFalse(Files.exists(lake.resolve("new-lake")));
  }

  @Test
  void twoPlansPublishedAtOnceBothLandWhole() throws Exception {
    LakePublisher publisher = new LakePublisher(spark, lake.toString());
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      var first = pool.submit(() -> publisher.publish("c1", plan("c1", 5), line -> {}));
      var second = pool.submit(() -> publisher.publish("c2", plan("c2", 7), line -> {}));
      first.get();
      second.get();
    } finally {
      pool.shutdown();
    }
    for (LakeTables table : LakeTables.dataTables()) {
      assertEquals(5, rows(table, "c1"), table.tableName());
      assertEquals(7, rows(table, "c2"), table.tableName());
    }
    assertEquals(
        2, spark.read().format("delta").load(lake.resolve("plan_runs").toString()).count());
  }

  @Test
  void recognisesDeltaConcurrencyConflictsAsRetryable() {
    assertTrue(
        LakePublisher.isConcurrentCommit(
            new RuntimeException(new io.delta.exceptions.ConcurrentAppendException("conflict"))));
    assertFalse(LakePublisher.isConcurrentCommit(new IllegalStateException("disk full")));
  }
}
