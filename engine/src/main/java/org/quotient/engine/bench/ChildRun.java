package org.quotient.engine.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One measuring child JVM of a benchmark runner: the lines it prints as {@code <prefix>key=value}
 * are its results, every other line goes to {@code otherLines}, and it is stopped once it has run
 * longer than the time limit.
 *
 * @param results the key=value pairs the child printed
 * @param stopped true when the child was stopped at the time limit
 */
public record ChildRun(Map<String, String> results, boolean stopped) {

  public static ChildRun run(
      ProcessBuilder command,
      String prefix,
      long killAfterSeconds,
      String tag,
      Consumer<String> otherLines)
      throws IOException, InterruptedException {
    Process child = command.redirectErrorStream(true).start();
    Map<String, String> results = new LinkedHashMap<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(
                      new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                  int eq = line.indexOf('=', prefix.length());
                  if (line.startsWith(prefix) && eq > 0) {
                    synchronized (results) {
                      results.put(line.substring(prefix.length(), eq), line.substring(eq + 1));
                    }
                  } else {
                    otherLines.accept(line);
                  }
                }
              } catch (IOException e) {
                otherLines.accept("output lost: " + e);
              }
            },
            tag + "-output");
    reader.setDaemon(true);
    reader.start();
    boolean stopped = !child.waitFor(killAfterSeconds, TimeUnit.SECONDS);
    if (stopped) {
      child.destroyForcibly().waitFor();
    }
    reader.join(10_000);
    synchronized (results) {
      return new ChildRun(Map.copyOf(results), stopped);
    }
  }
}
