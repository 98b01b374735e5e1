package org.quotient.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.quotient.engine.testing.ConsoleCapture;
import org.quotient.engine.testing.InputFixture;
import org.quotient.engine.testing.PlanArgs;
import org.quotient.engine.testing.SharedSpark;

/**
 * Paths from the command line are file names, never shell text: folders named with spaces, quotes,
 * {@code $(...)}, {@code ;} and a glob are read and written where they say, and nothing in them
 * runs (were any code path to hand a path to a shell, PWNED would appear).
 */
class PathsAsGivenTest {
  private static final String HOSTILE = "q 'x\" $(touch PWNED); `touch PWNED` * ü";

  @RegisterExtension final ConsoleCapture console = new ConsoleCapture();
  @TempDir Path dir;

  /**
   * Spark would read a path as a glob pattern: {@code in[1]?{a,b}} matches the folder {@code
   * in1_a}, not itself. The neighbours here would fail the run if read: an unknown segment in the
   * input, a foreign (non-Delta) quotas table in the lake.
   */
  @Test
  void foldersNamedLikeAGlobAreUsedAndNotTheNeighboursTheyMatch() throws Exception {
    SharedSpark.session();
    String glob = "[1]?{a,b}";
    Path input = new InputFixture().writeTo(dir.resolve("in" + glob));
    new InputFixture()
        .replace("accounts.csv", "A4,Delta,,smb", "A4,Delta,,neighbour")
        .writeTo(dir.resolve("in1_a"));
    Path lake = dir.resolve("lake" + glob);
    Path neighbourQuotas = Files.createDirectories(dir.resolve("lake1_a").resolve("quotas"));
    Files.writeString(neighbourQuotas.resolve("part-0.csv"), "not,a,delta,table\n");

    assertEquals(0, plan(input, lake), console.stderr());
    assertTrue(Files.isDirectory(lake.resolve("quotas").resolve("_delta_log")), "lake as named");
    assertFalse(Files.exists(neighbourQuotas.resolve("_delta_log")), "neighbour untouched");
  }

  @Test
  void inputLakeAndExportFoldersWithShellCharactersAreUsedAsGiven() throws Exception {
    SharedSpark.session();
    Path input = new InputFixture().writeTo(dir.resolve("in " + HOSTILE));
    Path lake = dir.resolve("lake " + HOSTILE);
    Path export = dir.resolve("csv " + HOSTILE);

    assertEquals(0, plan(input, lake, "--export-csv", export.toString()), console.stderr());
    assertTrue(Files.isDirectory(lake.resolve("quotas").resolve("_delta_log")), "lake as named");
    assertTrue(Files.exists(export.resolve("quotas.csv")), "export as named");
    try (Stream<Path> files = Files.walk(dir)) {
      assertFalse(
          files.anyMatch(p -> p.getFileName().toString().equals("PWNED")), "nothing was run");
    }
    assertFalse(Files.exists(Path.of("PWNED")), "nothing was run in the working folder");
  }

  private static int plan(Path input, Path lake, String... more) {
    return QuotientCli.execute(PlanArgs.quickPlan(input, lake, more));
  }
}
