package org.quotient.engine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {
  private static final String ATTACK = "<script>alert('x')</script>";

  private static ReportData data(String repId, String explanation) {
    return new ReportData(
        "plan-1",
        Instant.parse("2026-01-05T10:00:00Z"),
        LocalDate.of(2026, 1, 1),
        "in/" + ATTACK,
        new BigDecimal("1000000"),
        new BigDecimal("1000000.00"),
        10,
        2,
        "min -1.0%, max +1.0%",
        "min -30.0%, max +40.0%",
        "min -5.0%, max +5.0%",
        0.7,
        1.5,
        Map.of("kept", 8L, "rebalanced", 2L),
        List.of(
            new ReportData.RepRow(
                repId,
                "smb",
                1.0,
                10,
                5000,
                0.7,
                1.0,
                1.0,
                12.5,
                new BigDecimal("1000000.00"),
                null,
                1.0,
                "none",
                explanation)));
  }

  @Test
  void escapesEveryStringFromTheData() {
    String html = HtmlReport.render(data("R\"1" + ATTACK, "quota for " + ATTACK));
    assertFalse(html.contains(ATTACK), "raw script from the data reached the page");
    assertTrue(html.contains("quota for &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
    assertTrue(html.contains("in/&lt;script&gt;"));
    assertTrue(html.contains("R&quot;1&lt;script&gt;"));
    // In the chart data the rep id is JSON with '<' escaped, so it cannot close the script.
    assertTrue(html.contains("R\\\"1\\u003cscript\\u003e"), "chart data escaped");
  }

  @Test
  void isSelfContainedWithItsChartLibraryInline() {
    String html = HtmlReport.render(data("R1", "x"));
    assertFalse(html.contains("src=\"http"), "no external scripts");
    assertTrue(html.contains("echarts.init(document.getElementById('balance'))"));
    assertEquals(1, html.split("const DATA = ", -1).length - 1);
  }

  @Test
  void writesTheFileAtomically(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("reports/plan-1.html");
    HtmlReport.write(data("R1", "x"), file);
    assertTrue(Files.readString(file).startsWith("<!DOCTYPE html>"));
    try (var files = Files.list(file.getParent())) {
      assertEquals(1, files.count(), "no temporary file left behind");
    }
  }
}
