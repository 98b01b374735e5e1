package org.quotient.engine.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.UnsupportedFileSystemException;
import org.quotient.engine.EngineErrors;

/**
 * Turns a location the user gave (a local path or a Hadoop URI such as {@code hdfs://...}, {@code
 * s3a://...}) into a string every Hadoop and Spark API reads as that same place, and checks early
 * that a file system serves it and that it is the kind of thing the option needs.
 *
 * <p>Hadoop reads the text before a colon as a URI scheme, so a relative folder named {@code
 * FY26:Q1} would fail deep inside a run. Such a name is qualified against the working folder of the
 * default file system ({@code file:/home/me/FY26:Q1} locally); any other location is kept exactly
 * as given.
 */
public final class Locations {
  private Locations() {}

  /** What must be at a location before the run starts. */
  public enum Expect {
    /** Anything or nothing (the caller checks further). */
    ANYTHING,
    /** Something to read. */
    EXISTING,
    /** A folder to write into, or nothing yet. */
    FOLDER_OR_NOTHING,
    /** One file to write, or nothing yet. */
    FILE_OR_NOTHING
  }

  /**
   * The location as Hadoop must be given it, or null for none; {@code option} names where it came
   * from in messages. Fails with a message naming the option when the text is empty or no path, the
   * scheme has no file system on the classpath, or the location is not what {@code expect} says.
   */
  public static String resolve(String given, String option, Configuration hadoop, Expect expect) {
    if (given == null) {
      return null;
    }
    if (given.isBlank()) {
      // Never the working folder by accident: an unset shell variable gives "".
      throw EngineErrors.locationInvalid(option, given, "it is empty");
    }
    Path path;
    String resolved = given;
    try {
      path = new Path(given);
    } catch (IllegalArgumentException notAUri) {
      if (given.startsWith("/") || given.contains("://")) {
        throw EngineErrors.locationInvalid(option, given, reason(notAUri));
      }
      Path relative = new Path("./" + given);
      path = fileSystem(relative, option, given, hadoop).makeQualified(relative);
      resolved = path.toString();
    }
    FileSystem fs = fileSystem(path, option, given, hadoop);
    if (expect != Expect.ANYTHING) {
      check(fs, path, given, option, expect);
    }
    return resolved;
  }

  private static void check(FileSystem fs, Path path, String given, String option, Expect expect) {
    try {
      boolean exists = fs.exists(path);
      if (expect == Expect.EXISTING && !exists) {
        throw EngineErrors.locationMissing(option, given);
      }
      boolean folder = exists && fs.getFileStatus(path).isDirectory();
      if (expect == Expect.FOLDER_OR_NOTHING && exists && !folder) {
        throw EngineErrors.outputIsAFile(option, given);
      }
      if (expect == Expect.FILE_OR_NOTHING && folder) {
        throw EngineErrors.outputIsAFolder(option, given);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot look at " + given + " (" + option + ")", e);
    }
  }

  private static FileSystem fileSystem(
      Path path, String option, String given, Configuration hadoop) {
    String scheme = path.toUri().getScheme();
    if (scheme == null && path.toUri().getAuthority() != null) {
      throw EngineErrors.locationInvalid(
          option, given, "'//' starts a host name, not a folder; begin a path with one '/'");
    }
    try {
      return path.getFileSystem(hadoop);
    } catch (UnsupportedFileSystemException noFileSystem) {
      throw EngineErrors.locationWithoutFileSystem(option, given, scheme);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot reach " + given + " (" + option + ")", e);
    } catch (RuntimeException e) {
      // A scheme configured but its connector class missing (s3a without hadoop-aws).
      if (e.getCause() instanceof ClassNotFoundException) {
        throw EngineErrors.locationWithoutFileSystem(option, given, scheme);
      }
      throw e;
    }
  }

  private static String reason(IllegalArgumentException e) {
    Throwable root = e.getCause() != null ? e.getCause() : e;
    return root.getMessage();
  }
}
