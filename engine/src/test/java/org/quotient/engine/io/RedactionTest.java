package org.quotient.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RedactionTest {
  @Test
  void masksCredentialsInUrisAndLeavesPlainPathsAlone() {
    assertEquals(
        "reading s3a://***@bucket/planning/input",
        Redaction.text("reading s3a://AKIAEXAMPLE:wJalrXUtnFEMI@bucket/planning/input"));
    assertEquals(
        "lake abfss://lake@acct.dfs.core.windows.net/q?*** done",
        Redaction.text("lake abfss://lake@acct.dfs.core.windows.net/q?sv=2024&sig=abc%2F done"));
    assertEquals(
        "Input folder /data/2026/input does not exist",
        Redaction.text("Input folder /data/2026/input does not exist"));
    assertEquals("hdfs:///planning/lake", Redaction.text("hdfs:///planning/lake"));
    assertEquals("name=a@b.com", Redaction.text("name=a@b.com"));
  }
}
