package org.quotient.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.quotient.engine.QuotientException;
import org.quotient.engine.testing.ConsoleCapture;
import org.quotient.engine.testing.SharedSpark;

class QuotientCliTest {
  @RegisterExtension final ConsoleCapture console = new ConsoleCapture();
  @TempDir Path dir;

  @Test
  void everyCommandHasHelp() {
    for (String command : new String[] {"generate", "plan", "demo"}) {
      console.reset();
      assertEquals(0, QuotientCli.execute(command, "--help"), command);
      assertTrue(
          console.stdout().contains("Usage: quotient " + command),
          command + ": " + console.stdout());
    }
    assertEquals(0, QuotientCli.execute("--help"));
  }

  @Test
  void planHelpNamesItsRequiredOptions() {
    QuotientCli.execute("plan", "--help");
    assertTrue(console.stdout().contains("--input=<input>"), console.stdout());
    assertTrue(console.stdout().contains("--lake=<lake>"), console.stdout());
    assertTrue(console.stdout().contains("--target=<target>"), console.stdout());
  }

  @Test
  void generateWritesTheInputTables() {
    Path data = dir.resolve("data");
    assertEquals(
        0,
        QuotientCli.execute(
            "generate",
            "--accounts",
            "300",
            "--reps",
            "6",
            "--years",
            "2",
            "--seed",
            "3",
            "--out",
            data.toString()));
    for (String file :
        new String[] {
          "accounts.csv",
          "reps.csv",
          "opportunities.csv",
          "quota_history.csv",
          "ground_truth/true_potential.csv"
        }) {
      assertTrue(Files.exists(data.resolve(file)), file);
    }
  }

  @Test
  void generateRejectsTooFewRepsWithExitCodeTwo() {
    int code = QuotientCli.execute("generate", "--reps", "2", "--out", dir.resolve("d").toString());
    assertEquals(QuotientException.EXIT_INPUT, code);
    assertTrue(
        console.stderr().contains("error: Invalid generator setting reps=2"), console.stderr());
  }

  @Test
  void planRejectsANonPositiveTargetBeforeDoingAnyWork() {
    int code = planOnTheTestFolder("--target", "0");
    assertEquals(QuotientException.EXIT_INPUT, code);
    assertTrue(
        console
            .stderr()
            .contains(
                "error: Option --target has an invalid value '0'. Fix: give the"
                    + " company target as a positive amount, e.g. 250000000."),
        console.stderr());
  }

  @Test
  void planReportsAMissingInputFolderAndPublishesNothing() {
    SharedSpark.session();
    Path lake = dir.resolve("lake");
    int code =
        QuotientCli.execute(
            "plan",
            "--input",
            dir.resolve("nope").toString(),
            "--lake",
            lake.toString(),
            "--target",
            "1000000",
            "--master",
            "local[2]");
    assertEquals(QuotientException.EXIT_INPUT, code);
    assertTrue(
        console.stderr().contains("error: Input folder " + dir.resolve("nope") + " does not exist"),
        console.stderr());
    assertTrue(!Files.exists(lake.resolve("plan_runs")));
  }

  @Test
  void planTakesItsOptionsFromAConfigFile() throws Exception {
    Path config =
        Files.writeString(
            dir.resolve("plan.properties"),
            "input="
                + dir.resolve("nope")
                + "\nlake="
                + dir.resolve("lake")
                + "\ntarget=1000000\n");
    int code = QuotientCli.execute("plan", "--config", config.toString(), "--master", "local[2]");
    assertEquals(QuotientException.EXIT_INPUT, code);
    assertTrue(
        console.stderr().contains("error: Input folder " + dir.resolve("nope") + " does not exist"),
        console.stderr());
  }

  @Test
  void theConfigFileMayBeGivenAsAUri() throws Exception {
    Path config =
        Files.writeString(
            dir.resolve("uri.properties"),
            "input=" + dir.resolve("nowhere") + "\nlake=" + dir.resolve("lake") + "\ntarget=5\n");
    int code =
        QuotientCli.execute("plan", "--config", config.toUri().toString(), "--master", "local[2]");
    assertEquals(QuotientException.EXIT_INPUT, code);
    assertTrue(
        console.stderr().contains("Input folder " + dir.resolve("nowhere") + " does not exist"),
        console.stderr());
  }

  @Test
  void commandLineOptionsWinOverTheConfigFile() throws Exception {
    Path config = Files.writeString(dir.resolve("plan.properties"), "target=0\n");
    int code =
        QuotientCli.execute(
            "plan",
            "--config",
            config.toString(),
            "--input",
            dir.toString(),
            "--lake",
            dir.resolve("lake").toString(),
            "--target",
            "-5");
    assertEquals(QuotientException.EXIT_INPUT, code);
    assertTrue(
        console.stderr().contains("Option --target has an invalid value '-5'"), console.stderr());
  }

  @Test
  void planNamesAMissingRequiredOptionAndWhereToGiveIt() {
    int code = QuotientCli.execute("plan", "--lake", dir.toString(), "--target", "5");
    assertEquals(QuotientException.EXIT_INPUT, code);
    assertTrue(
        console
            .stderr()
            .contains(
                "error: Missing option --input. Fix: give --input on the command line,"
                    + " or input=... in the --config file."),
        console.stderr());
  }

  @Test
  void aMissingConfigFileIsNamedAsMissing() {
    String missing = dir.resolve("nope.properties").toString();
    int code = QuotientCli.execute("plan", "--config", missing);
    assertEquals(QuotientException.EXIT_INPUT, code);
    assertTrue(
        console
            .stderr()
            .contains("Cannot read the config file " + missing + ": no such file. Fix:"),
        console.stderr());
  }

  @Test
  void planRejectsASparkMasterSparkCannotStartBeforeStartingIt() {
    for (String master : new String[] {"foo", "local[0]", "local[two]", "spark:/host"}) {
      int code = planOnTheTestFolder("--target", "5", "--master", master);
      assertEquals(QuotientException.EXIT_INPUT, code, master);
      assertTrue(
          console.stderr().contains("Option --master has an invalid value '" + master + "'"),
          console.stderr());
    }
  }

  @Test
  void everyMasterUrlSparkStartsIsAccepted() {
    for (String master :
        new String[] {
          "local",
          "local[*]",
          "local[4]",
          "local[01]",
          "local[*, 4]",
          "local[2,3]",
          "local-cluster[2,1,1024]",
          "spark://h1:7077",
          "spark://h1:7077,h2:7077",
          "yarn",
          "k8s://https://host:6443"
        }) {
      assertTrue(PlanOptions.isSparkMaster(master), master);
    }
    for (String master : new String[] {"foo", "local[0]", "local[]", "spark:/host", ""}) {
      assertFalse(PlanOptions.isSparkMaster(master), master);
    }
  }

  @Test
  void planRejectsAMoveBudgetOutsideZeroToHundredPercent() {
    int code = planOnTheTestFolder("--target", "5", "--max-moved-percent", "150");
    assertEquals(QuotientException.EXIT_INPUT, code);
    assertTrue(
        console
            .stderr()
            .contains(
                "Option --max-moved-percent has an invalid value '150.0'. Fix: give a"
                    + " percentage from 0 to 100."),
        console.stderr());
  }

  /** {@code plan} from the test folder into a lake inside it, then {@code options}. */
  private int planOnTheTestFolder(String... options) {
    String[] args = new String[options.length + 5];
    System.arraycopy(
        new String[] {"plan", "--input", dir.toString(), "--lake", dir.resolve("lake").toString()},
        0,
        args,
        0,
        5);
    System.arraycopy(options, 0, args, 5, options.length);
    return QuotientCli.execute(args);
  }
}
