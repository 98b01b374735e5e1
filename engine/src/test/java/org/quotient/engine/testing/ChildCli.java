package org.quotient.engine.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.quotient.engine.cluster.StandaloneCluster;

/** The quotient CLI in a child JVM of its own, as a user's separate run would be. */
public final class ChildCli {
  private ChildCli() {}

  /** Starts {@code quotient <args>} with the test classpath and Spark's Java 17 flags. */
  public static Process start(Path output, String... args) throws IOException {
    return start(output, List.of(), args);
  }

  /** As {@link #start(Path, String...)}, with extra JVM options (e.g. a logging configuration). */
  public static Process start(Path output, List<String> jvmOptions, String... args)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx1g");
    command.addAll(StandaloneCluster.javaOpens());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
    command.add("org.quotient.engine.cli.QuotientCli");
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    if (output != null) {
      pb.redirectOutput(output.toFile());
    }
    return pb.start();
  }
}
