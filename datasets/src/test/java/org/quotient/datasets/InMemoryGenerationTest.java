package org.quotient.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The in-memory generation gives the values the files hold for the same settings. */
class InMemoryGenerationTest {
  private static final GeneratorSettings SETTINGS = new GeneratorSettings(1500, 15, 2, 11L);

  @TempDir Path tmp;

  @Test
  void inMemoryAccountsAndRepsEqualTheWrittenFiles() throws Exception {
    GeneratedData data = DatasetGenerator.generateInMemory(SETTINGS);
    DatasetGenerator.generate(SETTINGS, tmp.resolve("out"));
    List<Map<String, String>> accounts = Csv.rows(tmp.resolve("out/accounts.csv"));
    List<Map<String, String>> potential =
        Csv.rows(tmp.resolve("out/ground_truth/true_potential.csv"));
    List<Map<String, String>> reps = Csv.rows(tmp.resolve("out/reps.csv"));
    assertEquals(accounts.size(), data.accounts().size());
    for (int i = 0; i < accounts.size(); i++) {
      Map<String, String> row = accounts.get(i);
      GeneratedAccount a = data.accounts().get(i);
      assertEquals(row.get("account_id"), a.id());
      assertEquals(row.get("parent_account_id"), nullToEmpty(a.parentAccountId()));
      assertEquals(row.get("segment"), a.segment());
      assertEquals(row.get("industry"), a.industry());
      assertEquals(Integer.parseInt(row.get("employees")), a.employees());
      assertEquals(Long.parseLong(row.get("annual_revenue")), a.annualRevenue());
      assertEquals(Double.parseDouble(row.get("lat")), a.lat());
      assertEquals(Double.parseDouble(row.get("lon")), a.lon());
      assertEquals(row.get("county_fips"), a.countyFips());
      assertEquals(row.get("current_rep_id"), nullToEmpty(a.currentRepId()));
      assertEquals(row.get("locked_rep_id"), nullToEmpty(a.lockedRepId()));
      assertEquals(Long.parseLong(potential.get(i).get("true_potential")), a.truePotential());
    }
    assertEquals(reps.size(), data.reps().size());
    for (int j = 0; j < reps.size(); j++) {
      Map<String, String> row = reps.get(j);
      GeneratedRep r = data.reps().get(j);
      assertEquals(row.get("rep_id"), r.id());
      assertEquals(row.get("name"), r.name());
      assertEquals(row.get("segment"), r.segment());
      assertEquals(Double.parseDouble(row.get("home_lat")), r.homeLat());
      assertEquals(Double.parseDouble(row.get("home_lon")), r.homeLon());
      assertEquals(Double.parseDouble(row.get("capacity")), r.capacity());
      assertEquals(row.get("hire_date"), r.hireDate().toString());
      assertEquals(row.get("manager_id"), r.managerId());
      assertEquals(row.get("region"), r.region());
      assertEquals(Boolean.parseBoolean(row.get("active")), r.active());
    }
  }

  @Test
  void newHiresOwnNothingAndDepartedRepsStillOwnAccounts() {
    GeneratedData data = DatasetGenerator.generateInMemory(new GeneratorSettings(5000, 60, 1, 3L));
    for (GeneratedRep r : data.reps()) {
      long owned = data.accounts().stream().filter(a -> r.id().equals(a.currentRepId())).count();
      if (r.newHire()) {
        assertEquals(0, owned, r.id());
      }
      if (!r.active()) {
        assertTrue(owned > 0, r.id() + " left but owned nothing");
      }
    }
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
