package org.quotient.engine.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real Spark standalone cluster on loopback: one Master and one Worker process started from the
 * Maven jars (no Spark distribution needed), as DESIGN.md describes. The Worker launches executors
 * (and, in cluster deploy mode, the driver) as its own child processes, exactly as on a real
 * cluster.
 *
 * <p>SPARK_HOME is a temporary folder whose {@code jars/} links the jars a Spark distribution
 * holds: the engine's {@code provided} classpath (written by the build to {@code
 * spark-classpath.txt}) plus the Spark dependencies Maven mediated to compile scope because the
 * application shares them (slf4j, commons-io, ...). The application's own libraries (Delta,
 * OptaPlanner, picocli, ...) are left out, so they must come from the shaded jar, as on a real
 * cluster.
 */
public final class StandaloneCluster implements AutoCloseable {
  private static final Duration STARTUP = Duration.ofSeconds(90);

  private final Path sparkHome;
  private final Path logs;
  private final List<String> sparkJars;
  private final String masterUrl;
  private final Process master;
  private final Process worker;

  private StandaloneCluster(
      Path sparkHome, Path logs, List<String> jars, String url, Process master, Process worker) {
    this.sparkHome = sparkHome;
    this.logs = logs;
    this.sparkJars = jars;
    this.masterUrl = url;
    this.master = master;
    this.worker = worker;
  }

  /**
   * Starts a Master and a Worker with the given cores and memory and waits until the Worker has
   * registered.
   */
  public static StandaloneCluster start(Path dir, int workerCores, String workerMemory)
      throws IOException, InterruptedException {
    List<String> jars = sparkClasspath();
    Path home = Files.createDirectories(dir.resolve("spark-home"));
    Path jarsDir = Files.createDirectories(home.resolve("jars"));
    for (int k = 0; k < jars.size(); k++) {
      Path source = Path.of(jars.get(k));
      Path link = jarsDir.resolve(source.getFileName());
      if (Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        link = jarsDir.resolve(k + "-" + source.getFileName()); // same name, other group
      }
      Files.createSymbolicLink(link, source);
    }
    Path logs = Files.createDirectories(dir.resolve("cluster-logs"));
    Path work = Files.createDirectories(dir.resolve("worker-work"));
    int port = freePort();
    String url = "spark://127.0.0.1:" + port;
    Process master =
        launch(
            home,
            logs.resolve("master.log"),
            "org.apache.spark.deploy.master.Master",
            "--host",
            "127.0.0.1",
            "--port",
            Integer.toString(port),
            "--webui-port",
            Integer.toString(freePort()));
    awaitLine(master, logs.resolve("master.log"), "I have been elected leader");
    Process worker =
        launch(
            home,
            logs.resolve("worker.log"),
            "org.apache.spark.deploy.worker.Worker",
            "--host",
            "127.0.0.1",
            "--cores",
            Integer.toString(workerCores),
            "--memory",
            workerMemory,
            "--work-dir",
            work.toString(),
            "--webui-port",
            Integer.toString(freePort()),
            url);
    awaitLine(worker, logs.resolve("worker.log"), "Successfully registered with master");
    return new StandaloneCluster(home, logs, jars, url, master, worker);
  }

  public String masterUrl() {
    return masterUrl;
  }

  /** The jars a cluster provides, for a spark-submit client's classpath. */
  public String sparkClasspathString() {
    return String.join(java.io.File.pathSeparator, sparkJars);
  }

  public Path sparkHome() {
    return sparkHome;
  }

  /** Executor processes the Worker is running now (children of the Worker). */
  public List<ProcessHandle> executors() {
    return worker
        .descendants()
        .filter(
            p ->
                p.info()
                    .commandLine()
                    .map(c -> c.contains("CoarseGrainedExecutorBackend"))
                    .orElse(false))
        .toList();
  }

  /** The Master and Worker logs, for a failure message. */
  public String logTail() {
    StringBuilder b = new StringBuilder();
    for (String name : List.of("master.log", "worker.log")) {
      b.append("--- ").append(name).append('\n').append(tail(logs.resolve(name), 40));
    }
    return b.toString();
  }

  @Override
  public void close() {
    for (Process p : List.of(worker, master)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      try {
        p.waitFor(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  // ---------------------------------------------------------------- helpers

  /** Environment a standalone daemon needs to find its jars and stay on loopback. */
  public static Map<String, String> environment(Path sparkHome) {
    return Map.of(
        "SPARK_HOME",
        sparkHome.toString(),
        "SPARK_SCALA_VERSION",
        "2.13",
        "SPARK_LOCAL_IP",
        "127.0.0.1",
        "SPARK_LOCAL_HOSTNAME",
        "localhost",
        "JAVA_HOME",
        System.getProperty("java.home"));
  }

  /**
   * The JVM options Spark needs on Java 17, from {@code quotient.opens} (bin/quotient sets it) or
   * {@code quotient.test.opens} (Maven sets it for tests).
   */
  public static List<String> javaOpens() {
    List<String> out = new ArrayList<>();
    String all =
        System.getProperty("quotient.opens", System.getProperty("quotient.test.opens", ""));
    for (String opens : all.split(" ")) {
      if (!opens.isBlank()) {
        out.add(opens);
      }
    }
    return out;
  }

  private static Process launch(Path home, Path log, String mainClass, String... args)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.addAll(javaOpens());
    command.add("-cp");
    command.add(home.resolve("jars") + "/*");
    command.add(mainClass);
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.redirectOutput(log.toFile());
    pb.environment().putAll(environment(home));
    return pb.start();
  }

  private static void awaitLine(Process process, Path log, String text)
      throws InterruptedException {
    long deadline = System.nanoTime() + STARTUP.toNanos();
    while (System.nanoTime() < deadline) {
      if (tail(log, Integer.MAX_VALUE).contains(text)) {
        return;
      }
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "standalone daemon exited before '" + text + "':\n" + tail(log, 60));
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException(
        "no '" + text + "' within " + STARTUP.toSeconds() + " s:\n" + tail(log, 60));
  }

  static String tail(Path file, int lines) {
    try {
      if (!Files.exists(file)) {
        return "";
      }
      List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size())) + "\n";
    } catch (IOException e) {
      return "(unreadable: " + e.getMessage() + ")\n";
    }
  }

  /** Path fragments of the application's own libraries: never part of a Spark distribution. */
  private static final List<String> APPLICATION_ONLY =
      List.of(
          "/io/delta/",
          "/io/unitycatalog/",
          "/org/optaplanner/",
          "/io/micrometer/",
          "/info/picocli/",
          "/org/apache/commons/commons-csv/",
          "/org/apache/commons/commons-math3/",
          "/org/webjars/",
          "quotient-");

  private static List<String> sparkClasspath() throws IOException {
    List<String> jars = new ArrayList<>(entries("quotient.sparkClasspath"));
    for (String entry : entries("quotient.runtimeClasspath")) {
      if (!jars.contains(entry) && APPLICATION_ONLY.stream().noneMatch(entry::contains)) {
        jars.add(entry);
      }
    }
    return jars;
  }

  private static List<String> entries(String property) throws IOException {
    String file =
        Optional.ofNullable(System.getProperty(property))
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        property
                            + " is not set: run through bin/quotient or `mvn verify` (failsafe),"
                            + " after `mvn package` wrote the classpath files to engine/target"));
    String text = Files.readString(Path.of(file), StandardCharsets.UTF_8).trim();
    List<String> out = new ArrayList<>();
    for (String entry : text.split(java.io.File.pathSeparator)) {
      if (!entry.isBlank()) {
        out.add(entry);
      }
    }
    return out;
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
