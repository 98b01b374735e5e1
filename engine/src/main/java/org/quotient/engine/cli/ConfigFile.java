package org.quotient.engine.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import org.quotient.engine.EngineErrors;
import org.quotient.engine.QuotientException;
import picocli.CommandLine;

/**
 * Option values from a properties file ({@code --config FILE}): every option can be set there by
 * its name without the dashes ({@code target=250000000}); the command line wins over the file. FILE
 * is a local path or a Hadoop URI ({@code hdfs:}, {@code s3a:}, ...), so a driver started on a
 * cluster worker reads the same file.
 */
final class ConfigFile {
  private ConfigFile() {}

  /** The file named by --config in the raw arguments, if any. */
  static Optional<String> find(String[] args) {
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--config") && i + 1 < args.length) {
        return Optional.of(args[i + 1]);
      }
      if (args[i].startsWith("--config=")) {
        return Optional.of(args[i].substring("--config=".length()));
      }
    }
    return Optional.empty();
  }

  static CommandLine.IDefaultValueProvider defaults(String file) {
    Properties properties = new Properties();
    try (Reader reader = open(file)) {
      properties.load(reader);
    } catch (java.io.UncheckedIOException e) {
      throw unreadable(file, e.getCause());
    } catch (IOException e) {
      throw unreadable(file, e);
    }
    return new CommandLine.PropertiesDefaultProvider(properties);
  }

  private static QuotientException unreadable(String file, IOException e) {
    return new QuotientException(
        "Cannot read the config file "
            + file
            + ": "
            + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage())
            + ". Fix: pass --config with a readable properties file.",
        QuotientException.EXIT_INPUT);
  }

  /** {@code scheme:/...}: a Hadoop URI; anything else is a local file name, read as given. */
  private static final java.util.regex.Pattern URI_WITH_SCHEME =
      java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:/.*");

  private static Reader open(String given) throws IOException {
    if (!URI_WITH_SCHEME.matcher(given).matches()) {
      return Files.newBufferedReader(Path.of(given), StandardCharsets.UTF_8);
    }
    org.apache.hadoop.conf.Configuration hadoop = new org.apache.hadoop.conf.Configuration();
    String file =
        org.quotient.engine.io.Locations.resolve(
            given, "--config", hadoop, org.quotient.engine.io.Locations.Expect.ANYTHING);
    org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(file);
    if ("file".equals(path.toUri().getScheme())) {
      return Files.newBufferedReader(Path.of(path.toUri().getPath()), StandardCharsets.UTF_8);
    }
    return new java.io.InputStreamReader(
        path.getFileSystem(hadoop).open(path), StandardCharsets.UTF_8);
  }

  /** Fails with a clear message when a required value came neither from the line nor the file. */
  static void require(String option, Object value) {
    if (value == null) {
      throw EngineErrors.missingOption(option);
    }
  }
}
