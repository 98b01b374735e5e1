package org.quotient.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Real US counties (2019 Census internal points and population estimates), bundled as a classpath
 * resource. Rows without a population (Puerto Rico) are skipped. Sampling is by cumulative weight
 * and binary search, so it is O(log counties) per draw.
 */
final class Counties {
  static final String RESOURCE = "/us_counties/counties_2019_geo_pop.csv";

  record County(String fips, String state, String name, double lat, double lon, long population) {}

  private final List<County> counties;

  private Counties(List<County> counties) {
    this.counties = List.copyOf(counties);
  }

  static Counties load() {
    try (InputStream in = Counties.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw DatasetErrors.missingResource(RESOURCE);
      }
      Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
      List<County> rows = new ArrayList<>();
      CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
      for (CSVRecord r : format.parse(reader)) {
        String pop = r.get("pop_est2019").trim();
        if (pop.isEmpty()) {
          continue; // e.g. Puerto Rico: no population estimate, so no accounts or reps there
        }
        rows.add(
            new County(
                r.get("fips"),
                r.get("state"),
                r.get("name"),
                Double.parseDouble(r.get("lat")),
                Double.parseDouble(r.get("lon")),
                Long.parseLong(pop)));
      }
      return new Counties(rows);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + RESOURCE, e);
    }
  }

  List<County> all() {
    return counties;
  }

  /** A sampler drawing counties with probability proportional to population^exponent. */
  Sampler sampler(double exponent) {
    double[] cumulative = new double[counties.size()];
    double sum = 0;
    for (int i = 0; i < counties.size(); i++) {
      sum += Math.pow(counties.get(i).population(), exponent);
      cumulative[i] = sum;
    }
    return new Sampler(cumulative, sum);
  }

  final class Sampler {
    private final double[] cumulative;
    private final double total;

    private Sampler(double[] cumulative, double total) {
      this.cumulative = cumulative;
      this.total = total;
    }

    /** The index (in {@link #all()}) of a drawn county. */
    int draw(SplittableRandom rng) {
      double u = rng.nextDouble() * total;
      int i = Arrays.binarySearch(cumulative, u);
      if (i < 0) {
        i = -i - 1;
      }
      return Math.min(i, counties.size() - 1);
    }
  }

  /** The sales region of a state: West, Central, Northeast or Southeast. */
  static String region(String state) {
    return switch (state) {
      case "WA", "OR", "CA", "NV", "ID", "MT", "WY", "UT", "CO", "AZ", "NM", "AK", "HI" -> "West";
      case "ND", "SD", "NE", "KS", "MN", "IA", "MO", "WI", "IL", "IN", "MI", "OH", "OK", "TX" ->
          "Central";
      case "ME", "NH", "VT", "MA", "RI", "CT", "NY", "NJ", "PA", "DE", "MD", "DC" -> "Northeast";
      default -> "Southeast"; // VA, WV, KY, TN, NC, SC, GA, FL, AL, MS, AR, LA
    };
  }
}
