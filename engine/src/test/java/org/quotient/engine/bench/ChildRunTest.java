package org.quotient.engine.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChildRunTest {
  private final List<String> other = new ArrayList<>();

  @Test
  void prefixedLinesAreResultsAndTheRestIsPassedOn() throws Exception {
    ChildRun run =
        ChildRun.run(
            new ProcessBuilder("sh", "-c", "echo '@@best_s=1.5'; echo working; echo '@@note=a=b'"),
            "@@",
            30,
            "test",
            other::add);

    assertFalse(run.stopped());
    assertEquals(Map.of("best_s", "1.5", "note", "a=b"), run.results());
    assertEquals(List.of("working"), other);
  }

  @Test
  void aChildPastTheTimeLimitIsStoppedWithWhatItPrintedSoFar() throws Exception {
    ChildRun run =
        ChildRun.run(
            new ProcessBuilder("sh", "-c", "echo '@@where=local'; exec sleep 60"),
            "@@",
            2,
            "test",
            other::add);

    assertTrue(run.stopped());
    assertEquals(Map.of("where", "local"), run.results());
  }
}
