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
 * its name without the dashes ({@code target=250000000}); the command line wins over the file.
 */
final class ConfigFile {
  private ConfigFile() {}

  /** The file named by --config in the raw arguments, if any. */
  static Optional<Path> find(String[] args) {
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--config") && i + 1 < args.length) {
        return Optional.of(Path.of(args[i + 1]));
      }
      if (args[i].startsWith("--config=")) {
        return Optional.of(Path.of(args[i].substring("--config=".length())));
      }
    }
    return Optional.empty();
  }

  static CommandLine.IDefaultValueProvider defaults(Path file) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new QuotientException(
          "Cannot read the config file "
              + file
              + ": "
              + e.getMessage()
              + ". Fix: pass --config with a readable properties file.",
          QuotientException.EXIT_INPUT);
    }
    return new CommandLine.PropertiesDefaultProvider(properties);
  }

  /** Fails with a clear message when a required value came neither from the line nor the file. */
  static void require(String option, Object value) {
    if (value == null) {
      throw EngineErrors.missingOption(option);
    }
  }
}
