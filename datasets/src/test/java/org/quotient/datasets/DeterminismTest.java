package org.quotient.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Same settings, byte-identical files; the committed sample is what its settings generate. */
class DeterminismTest {
  /** The settings of the committed sample in datasets/sample (see datasets/README.md). */
  static final GeneratorSettings SAMPLE_SETTINGS = new GeneratorSettings(2000, 20, 3, 7L);

  private static final List<String> FILES =
      List.of(
          "accounts.csv",
          "reps.csv",
          "opportunities.csv",
          "quota_history.csv",
          "ground_truth/true_potential.csv",
          "README.md");

  @TempDir Path tmp;

  @Test
  void sameSettingsGiveByteIdenticalFiles() throws Exception {
    Path first = tmp.resolve("first");
    Path second = tmp.resolve("second");
    DatasetGenerator.generate(SAMPLE_SETTINGS, first);
    DatasetGenerator.generate(SAMPLE_SETTINGS, second);
    for (String f : FILES) {
      assertArrayEquals(
          Files.readAllBytes(first.resolve(f)), Files.readAllBytes(second.resolve(f)), f);
    }
  }

  @Test
  void committedSampleIsExactlyWhatItsSettingsGenerate() throws Exception {
    Path sample = Path.of("sample"); // Surefire runs in the module folder
    Path fresh = tmp.resolve("fresh");
    DatasetGenerator.generate(SAMPLE_SETTINGS, fresh);
    for (String f : FILES) {
      assertArrayEquals(
          Files.readAllBytes(sample.resolve(f)),
          Files.readAllBytes(fresh.resolve(f)),
          f + " differs from the committed sample: regenerate it as datasets/README.md says");
    }
  }

  @Test
  void differentSeedsGiveDifferentData() throws Exception {
    Path a = tmp.resolve("a");
    Path b = tmp.resolve("b");
    DatasetGenerator.generate(new GeneratorSettings(300, 5, 1, 1L), a);
    DatasetGenerator.generate(new GeneratorSettings(300, 5, 1, 2L), b);
    assertFalse(
        Arrays.equals(
            Files.readAllBytes(a.resolve("accounts.csv")),
            Files.readAllBytes(b.resolve("accounts.csv"))));
  }

  @Test
  void historyCoversTheYearsBeforeACustomAsOfDate() throws Exception {
    Path out = tmp.resolve("mid-year");
    LocalDate asOf = LocalDate.of(2025, 7, 1);
    DatasetGenerator.generate(new GeneratorSettings(400, 6, 2, 4L, asOf), out);
    for (Map<String, String> o : Csv.rows(out.resolve("opportunities.csv"))) {
      LocalDate created = LocalDate.parse(o.get("created_date"));
      assertTrue(
          !created.isBefore(LocalDate.of(2023, 7, 1)) && created.isBefore(asOf), o.toString());
    }
    for (Map<String, String> q : Csv.rows(out.resolve("quota_history.csv"))) {
      assertTrue(List.of("2023-07-01", "2024-07-01").contains(q.get("period_start")), q.toString());
      assertEquals(
          LocalDate.parse(q.get("period_start")).plusYears(1).minusDays(1).toString(),
          q.get("period_end"));
    }
  }

  @Test
  void generatesTheSmallestValidDataset() throws Exception {
    GenerationReport report =
        DatasetGenerator.generate(new GeneratorSettings(1, 3, 1, 5L), tmp.resolve("tiny"));
    assertEquals(1, report.rows("accounts.csv"));
    assertEquals(3, report.rows("reps.csv"));
  }
}
