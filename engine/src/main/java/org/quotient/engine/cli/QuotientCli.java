package org.quotient.engine.cli;

import java.io.PrintWriter;
import org.quotient.engine.QuotientException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code quotient} command line: {@code generate}, {@code plan}, {@code demo} and {@code
 * territories}. User errors print their message (what, where, how to fix) and exit non-zero without
 * a stack trace.
 */
@Command(
    name = "quotient",
    mixinStandardHelpOptions = true,
    version = "quotient 0.1.0",
    description = "Sales territory and quota planning on Spark, OptaPlanner and Delta Lake.",
    subcommands = {
      GenerateCommand.class,
      PlanCommand.class,
      DemoCommand.class,
      TerritoriesCommand.class,
      BenchCommand.class
    },
    footer = {
      "",
      "Start with 'quotient demo' to generate data and publish a plan into ./quotient-demo/lake.",
      "Every option can also come from a properties file: --config FILE, one 'option=value' per"
          + " line without the dashes (e.g. target=250000000); options on the command line win."
    })
public final class QuotientCli implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    Thread.setDefaultUncaughtExceptionHandler(OutOfMemoryExit.onThisJvm());
    int code = execute(args);
    System.exit(code);
  }

  /** Runs the CLI and returns the exit code (for tests and embedding). */
  public static int execute(String... args) {
    CommandLine cli = new CommandLine(new QuotientCli());
    cli.setExecutionExceptionHandler(QuotientCli::handleFailure);
    try {
      ConfigFile.find(args)
          .ifPresent(file -> cli.setDefaultValueProvider(ConfigFile.defaults(file)));
    } catch (QuotientException e) {
      cli.getErr().println("error: " + org.quotient.engine.io.Redaction.text(e.getMessage()));
      cli.getErr().flush();
      return e.exitCode();
    }
    return cli.execute(args);
  }

  private static int handleFailure(
      Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
    PrintWriter err = commandLine.getErr();
    Throwable cause = e;
    while (cause != null && !(cause instanceof QuotientException) && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    if (cause instanceof QuotientException q) {
      err.println();
      err.println("error: " + org.quotient.engine.io.Redaction.text(q.getMessage()));
      err.flush();
      return q.exitCode();
    }
    if (OutOfMemoryExit.isOutOfMemory(e)) {
      err.println();
      err.println(
          "error: "
              + org.quotient.engine.io.Redaction.text(
                  OutOfMemoryExit.message(
                      e, Thread.currentThread().getName(), Runtime.getRuntime().maxMemory())));
      err.flush();
      return QuotientException.EXIT_OUT_OF_MEMORY;
    }
    err.println();
    err.println(
        "error: unexpected failure: " + org.quotient.engine.io.Redaction.text(e.toString()));
    e.printStackTrace(err);
    err.flush();
    return 1;
  }
}
