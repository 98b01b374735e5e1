package org.quotient.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quotient.engine.QuotientException;

class OutOfMemoryExitTest {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final List<Integer> exits = new ArrayList<>();
  private final OutOfMemoryExit handler =
      new OutOfMemoryExit(
          new PrintStream(bytes, true, StandardCharsets.UTF_8), exits::add, 3L << 30);

  private String printed() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void anOutOfMemoryErrorInAnyThreadEndsTheRunWithAMessageAndExitCode5() {
    handler.uncaughtException(
        new Thread("dispatcher-event-loop-0"), new OutOfMemoryError("Java heap space"));

    assertEquals(List.of(QuotientException.EXIT_OUT_OF_MEMORY), exits);
    assertTrue(
        printed()
            .contains(
                "error: out of memory (java.lang.OutOfMemoryError: Java heap space, in thread"
                    + " dispatcher-event-loop-0, with a heap of at most 3.2 GB)"),
        printed());
    assertTrue(printed().contains("Fix: give the run more memory (QUOTIENT_HEAP="), printed());
  }

  @Test
  void anOutOfMemoryErrorWrappedInAnotherFailureCountsToo() {
    handler.uncaughtException(
        new Thread("task"), new IllegalStateException("task failed", new OutOfMemoryError()));

    assertEquals(List.of(QuotientException.EXIT_OUT_OF_MEMORY), exits);
  }

  @Test
  void aSparkJobFailedByATaskThatRanOutOfMemoryCountsToo() {
    assertTrue(
        OutOfMemoryExit.isOutOfMemory(
            new RuntimeException(
                "Job aborted due to stage failure: Task 3 in stage 7.0 failed 1 times, most recent"
                    + " failure: Lost task 3.0: java.lang.OutOfMemoryError: Java heap space")));
  }

  @Test
  void theRunEndsEvenWhenPrintingTheMessageFailsForWantOfMemory() {
    PrintStream broken =
        new PrintStream(new ByteArrayOutputStream()) {
          @Override
          public void println(String line) {
            throw new OutOfMemoryError("no room for the message");
          }
        };
    new OutOfMemoryExit(broken, exits::add, 1L << 30)
        .uncaughtException(new Thread("main"), new OutOfMemoryError());

    assertEquals(List.of(QuotientException.EXIT_OUT_OF_MEMORY), exits);
  }

  @Test
  void otherUncaughtFailuresArePrintedAndDoNotEndTheRun() {
    handler.uncaughtException(new Thread("worker"), new IllegalStateException("boom"));

    assertEquals(List.of(), exits);
    assertTrue(
        printed()
            .startsWith("Exception in thread \"worker\" java.lang.IllegalStateException: boom"),
        printed());
  }
}
