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
 * that a file system serves it.
 *
 * <p>Hadoop reads the text before a colon as a URI scheme, so a relative folder named {@code
 * FY26:Q1} would fail deep inside a run. Such a name is qualified against the working folder of the
 * default file system ({@code file:/home/me/FY26:Q1}); any other location is kept exactly as given.
 */
public final class Locations {
  private Locations() {}

  /**
   * The location as Hadoop must be given it; {@code option} names where it came from in messages.
   * Fails with a message naming the option when the text is no path or the scheme has no file
   * system on the classpath.
   */
  public static String resolve(String given, String option, Configuration hadoop) {
    if (given == null) {
      return null;
    }
    Path path;
    String resolved = given;
    try {
      path = new Path(given);
    } catch (IllegalArgumentException notAUri) {
      if (given.startsWith("/") || given.contains("://")) {
        throw EngineErrors.locationInvalid(option, given, reason(notAUri));
      }
      path = qualified(new Path("./" + given), option, given, hadoop);
      resolved = path.toString();
    }
    fileSystem(path, option, given, hadoop);
    return resolved;
  }

  /** Fails when {@code resolved} exists as a file: {@code option} names a folder to write into. */
  public static void requireFolderOrAbsent(String resolved, String option, Configuration hadoop) {
    if (resolved != null && is(resolved, hadoop, false)) {
      throw EngineErrors.outputIsAFile(option, resolved);
    }
  }

  /** Fails when {@code resolved} exists as a folder: {@code option} names one file to write. */
  public static void requireFileOrAbsent(String resolved, String option, Configuration hadoop) {
    if (resolved != null && is(resolved, hadoop, true)) {
      throw EngineErrors.outputIsAFolder(option, resolved);
    }
  }

  private static boolean is(String resolved, Configuration hadoop, boolean folder) {
    Path path = new Path(resolved);
    try {
      FileSystem fs = path.getFileSystem(hadoop);
      return fs.exists(path) && fs.getFileStatus(path).isDirectory() == folder;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot look at " + resolved, e);
    }
  }

  private static Path qualified(Path relative, String option, String given, Configuration hadoop) {
    return fileSystem(relative, option, given, hadoop).makeQualified(relative);
  }

  private static FileSystem fileSystem(
      Path path, String option, String given, Configuration hadoop) {
    try {
      return path.getFileSystem(hadoop);
    } catch (UnsupportedFileSystemException noFileSystem) {
      throw EngineErrors.locationWithoutFileSystem(option, given, path.toUri().getScheme());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot reach " + given + " (" + option + ")", e);
    } catch (RuntimeException e) {
      // A scheme configured but its connector class missing (s3a without hadoop-aws).
      if (e.getCause() instanceof ClassNotFoundException) {
        throw EngineErrors.locationWithoutFileSystem(option, given, path.toUri().getScheme());
      }
      throw e;
    }
  }

  private static String reason(IllegalArgumentException e) {
    Throwable root = e.getCause() != null ? e.getCause() : e;
    return root.getMessage();
  }
}
