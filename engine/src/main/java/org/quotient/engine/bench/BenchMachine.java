package org.quotient.engine.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What the benchmark reports say about the machine and how busy it was. */
public final class BenchMachine {
  private BenchMachine() {}

  /** e.g. "2 cores, 24 GiB RAM (shared with other jobs), Java 17.0.15". */
  public static String describe() {
    long memGiB = 0;
    if (ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os) {
      memGiB = Math.round(os.getTotalMemorySize() / (1024.0 * 1024 * 1024));
    }
    return Runtime.getRuntime().availableProcessors()
        + " cores, "
        + memGiB
        + " GiB RAM (shared with other jobs), Java "
        + System.getProperty("java.version");
  }

  /** The 1-minute load average, or "?" when unknown. */
  public static String loadAverage() {
    double l = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    return l < 0 ? "?" : String.format(Locale.ROOT, "%.2f", l);
  }

  /** The range of the rows' {@code load1} column, e.g. "1.20 to 2.57", or "unknown". */
  public static String loadRange(List<Map<String, String>> rows) {
    double minLoad = Double.POSITIVE_INFINITY;
    double maxLoad = Double.NEGATIVE_INFINITY;
    for (Map<String, String> r : rows) {
      try {
        double l = Double.parseDouble(r.get("load1"));
        minLoad = Math.min(minLoad, l);
        maxLoad = Math.max(maxLoad, l);
      } catch (NumberFormatException | NullPointerException e) {
        // unknown load
      }
    }
    return minLoad <= maxLoad
        ? String.format(Locale.ROOT, "%.2f to %.2f", minLoad, maxLoad)
        : "unknown";
  }
}
