package org.quotient.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BenchCommandTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream originalOut;
  private PrintStream originalErr;

  @BeforeEach
  void capture() {
    originalOut = System.out;
    originalErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setOut(originalOut);
    System.setErr(originalErr);
  }

  @Test
  void benchOptimizerHelpListsItsOptions() {
    assertEquals(0, QuotientCli.execute("bench", "optimizer", "--help"));
    String help = out.toString(StandardCharsets.UTF_8);
    assertTrue(help.contains("Usage: quotient bench optimizer"), help);
    for (String option :
        new String[] {"--sizes", "--seed", "--time-limit", "--methods", "--curve"}) {
      assertTrue(help.contains(option), option + " missing: " + help);
    }
  }

  @Test
  void unknownMethodIsRefusedWithTheValidNames() {
    assertEquals(2, QuotientCli.execute("bench", "optimizer", "--methods", "magic"));
    String error = err.toString(StandardCharsets.UTF_8);
    assertTrue(error.contains("unknown method 'magic' in --methods"), error);
  }
}
