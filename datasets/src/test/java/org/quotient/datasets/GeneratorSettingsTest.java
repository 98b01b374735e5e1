package org.quotient.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class GeneratorSettingsTest {

  @Test
  void defaultsTheAsOfDateToTheFirstOf2026() {
    assertEquals(LocalDate.of(2026, 1, 1), new GeneratorSettings(10, 3, 2, 1L).asOf());
  }

  @Test
  void rejectsFewerThanOneAccount() {
    var e = assertThrows(IllegalArgumentException.class, () -> new GeneratorSettings(0, 3, 1, 1L));
    assertEquals(
        "Invalid generator setting accounts=0: accounts must be at least 1.", e.getMessage());
  }

  @Test
  void rejectsTooManyAccounts() {
    var e =
        assertThrows(
            IllegalArgumentException.class, () -> new GeneratorSettings(20_000_000, 3, 1, 1L));
    assertEquals(
        "Invalid generator setting accounts=20000000: accounts must be at most 10000000.",
        e.getMessage());
  }

  @Test
  void rejectsFewerRepsThanSegments() {
    var e = assertThrows(IllegalArgumentException.class, () -> new GeneratorSettings(10, 2, 1, 1L));
    assertEquals(
        "Invalid generator setting reps=2: reps must be at least 3 so that each segment"
            + " (enterprise, mid_market, smb) has a rep.",
        e.getMessage());
  }

  @Test
  void rejectsHistoryOutsideOneToTenYears() {
    var zero =
        assertThrows(IllegalArgumentException.class, () -> new GeneratorSettings(10, 3, 0, 1L));
    assertEquals(
        "Invalid generator setting years=0: years must be between 1 and 10.", zero.getMessage());
    var eleven =
        assertThrows(IllegalArgumentException.class, () -> new GeneratorSettings(10, 3, 11, 1L));
    assertEquals(
        "Invalid generator setting years=11: years must be between 1 and 10.", eleven.getMessage());
  }
}
