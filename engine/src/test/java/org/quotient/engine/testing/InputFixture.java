package org.quotient.engine.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A tiny valid input folder (2 segments, 3 reps, 4 accounts, a few opportunities and quotas) that a
 * test can spoil one file at a time.
 */
public final class InputFixture {
  public static final String ACCOUNTS =
      """
      account_id,name,parent_account_id,segment,industry,employees,annual_revenue,lat,lon,county_fips,current_rep_id,locked_rep_id
      A1,Acme,,enterprise,software,5000,900000000,41.88,-87.63,17031,R1,
      A2,Beta,A1,enterprise,software,3000,400000000,40.71,-74.00,36061,R1,R1
      A3,Gamma,,smb,retail,40,5000000,34.05,-118.24,06037,R3,
      A4,Delta,,smb,retail,12,900000,47.61,-122.33,53033,,
      """;
  public static final String REPS =
      """
      rep_id,name,segment,home_lat,home_lon,capacity,hire_date,manager_id,region,active
      R1,Rita,enterprise,41.90,-87.60,1.0,2019-04-01,M1,Central,true
      R2,Raj,enterprise,40.70,-74.10,1.0,2025-10-01,M1,Northeast,true
      R3,Rosa,smb,34.00,-118.20,0.5,2021-01-15,M2,West,true
      """;
  public static final String OPPORTUNITIES =
      """
      opportunity_id,account_id,rep_id,created_date,close_date,amount,stage,product
      O1,A1,R1,2025-01-10,2025-03-01,120000,won,core
      O2,A2,R1,2025-02-10,2025-05-01,80000,lost,core
      O3,A3,R3,2025-06-01,2025-07-15,9000,won,addon
      O4,A3,R3,2025-11-01,,4000,open,addon
      """;
  public static final String QUOTA_HISTORY =
      """
      rep_id,period_start,period_end,quota,bookings
      R1,2025-01-01,2025-12-31,1000000,950000
      R3,2025-01-01,2025-12-31,100000,
      """;

  private final Map<String, String> files = new LinkedHashMap<>();

  public InputFixture() {
    files.put("accounts.csv", ACCOUNTS);
    files.put("reps.csv", REPS);
    files.put("opportunities.csv", OPPORTUNITIES);
    files.put("quota_history.csv", QUOTA_HISTORY);
  }

  /** Replaces a file's whole content. */
  public InputFixture with(String file, String content) {
    files.put(file, content);
    return this;
  }

  /** Replaces the first occurrence of a text in a file. */
  public InputFixture replace(String file, String text, String replacement) {
    String content = files.get(file);
    if (!content.contains(text)) {
      throw new IllegalArgumentException(file + " has no '" + text + "'");
    }
    files.put(
        file,
        content.replaceFirst(
            java.util.regex.Pattern.quote(text),
            java.util.regex.Matcher.quoteReplacement(replacement)));
    return this;
  }

  public InputFixture without(String file) {
    files.remove(file);
    return this;
  }

  public Path writeTo(Path dir) {
    try {
      Files.createDirectories(dir);
      for (Map.Entry<String, String> e : files.entrySet()) {
        Path file = dir.resolve(e.getKey());
        Files.createDirectories(file.getParent());
        Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
