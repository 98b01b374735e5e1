package org.quotient.engine.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A self-contained HTML page a revenue-operations lead can send to sales leaders: headline figures,
 * balance before and after, quotas against last period, and every rep's quota explanation. Charts
 * are Apache ECharts, inlined, so the file opens anywhere without a network.
 */
public final class HtmlReport {
  private static final String ECHARTS =
      "/META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";

  private HtmlReport() {}

  /**
   * Writes the report to a local path or a Hadoop URI (hdfs:, s3a:, ...), never half-written: a
   * temporary file beside it is moved into place.
   */
  public static void write(
      ReportData data, String location, org.apache.hadoop.conf.Configuration hadoop) {
    java.net.URI uri = new org.apache.hadoop.fs.Path(location).toUri();
    if (uri.getScheme() == null || uri.getScheme().equals("file")) {
      write(data, Path.of(uri.getPath()));
      return;
    }
    org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(location);
    org.apache.hadoop.fs.Path tmp =
        new org.apache.hadoop.fs.Path(target.getParent(), "." + target.getName() + ".tmp");
    try {
      org.apache.hadoop.fs.FileSystem fs = target.getFileSystem(hadoop);
      fs.mkdirs(target.getParent());
      try (java.io.OutputStream out = fs.create(tmp, true)) {
        out.write(render(data).getBytes(StandardCharsets.UTF_8));
      }
      fs.delete(target, false);
      if (!fs.rename(tmp, target)) {
        throw new IOException("rename of " + tmp + " to " + target + " failed");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report " + location, e);
    }
  }

  /** Writes the report atomically (a temporary file moved into place). */
  public static void write(ReportData data, Path file) {
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      // A plain file (not createTempFile, which is owner-only): the report is meant to be shared.
      Path tmp = dir.resolve("." + file.getFileName() + ".tmp");
      Files.writeString(tmp, render(data), StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report " + file, e);
    }
  }

  public static String render(ReportData d) {
    StringBuilder h = new StringBuilder(64 * 1024);
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>Quotient plan ")
        .append(Html.escape(d.planId()))
        .append("</title><style>")
        .append(STYLE)
        .append("</style></head><body>\n");
    h.append("<h1>Territory and quota plan</h1>\n<p class=\"meta\">Plan <b>")
        .append(Html.escape(d.planId()))
        .append("</b> &middot; published ")
        .append(
            Html.escape(
                d.createdAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString()))
        .append(" &middot; plan period from ")
        .append(d.asOf())
        .append(" &middot; input ")
        .append(Html.escape(d.input()))
        .append("</p>\n");

    h.append("<div class=\"kpis\">");
    kpi(h, "Accounts", String.format(Locale.ROOT, "%,d", d.accounts()));
    kpi(h, "Reps", String.format(Locale.ROOT, "%,d", d.reps().size()));
    kpi(
        h,
        "Accounts moved",
        String.format(
            Locale.ROOT,
            "%,d (%.1f%%)",
            d.movedAccounts(),
            100.0 * d.movedAccounts() / Math.max(1, d.accounts())));
    kpi(h, "Potential per FTE, before", d.potentialBalanceBefore());
    kpi(h, "Potential per FTE, plan", d.potentialBalance());
    kpi(h, "Workload per FTE, plan", d.workloadBalance());
    kpi(h, "Quota total", money(d.quotaTotal()) + " (target " + money(d.target()) + ")");
    kpi(
        h,
        "Potential model, held-out R\u00b2",
        String.format(Locale.ROOT, "%.3f", d.modelHeldOutR2()));
    kpi(h, "Solve time", String.format(Locale.ROOT, "%.1f s", d.solveSeconds()));
    h.append("</div>\n");

    h.append("<h2>Balance: potential per FTE against the segment mean</h2>")
        .append("<p>1.00 is exactly the segment mean; bars show each rep before (today's")
        .append(" territories) and in the plan.</p><div id=\"balance\" class=\"chart\"></div>\n");
    h.append("<h2>Quotas against last period</h2><div id=\"quotas\" class=\"chart\"></div>\n");
    h.append(
        "<h2>Why accounts have their rep</h2><div id=\"reasons\" class=\"chart small\"></div>\n");

    segmentTable(h, d.reps());
    repTable(h, d.reps());

    h.append("<script>").append(echarts()).append("</script>\n");
    h.append("<script>const DATA = ").append(Html.scriptSafeJson(json(chartData(d))));
    h.append(";\n").append(CHARTS).append("</script>\n</body></html>\n");
    return h.toString();
  }

  private static void kpi(StringBuilder h, String label, String value) {
    h.append("<div class=\"kpi\"><div class=\"label\">")
        .append(Html.escape(label))
        .append("</div><div class=\"value\">")
        .append(Html.escape(value))
        .append("</div></div>");
  }

  private static void segmentTable(StringBuilder h, List<ReportData.RepRow> reps) {
    Map<String, List<ReportData.RepRow>> bySegment = new TreeMap<>();
    reps.forEach(r -> bySegment.computeIfAbsent(r.segment(), s -> new ArrayList<>()).add(r));
    h.append("<h2>Segments</h2><table><thead><tr><th>segment</th><th>reps</th><th>accounts</th>")
        .append("<th>potential</th><th>balance before (min..max)</th>")
        .append("<th>balance in plan (min..max)</th><th>quota</th></tr></thead><tbody>");
    for (Map.Entry<String, List<ReportData.RepRow>> e : bySegment.entrySet()) {
      List<ReportData.RepRow> rows = e.getValue();
      h.append("<tr><td>")
          .append(Html.escape(e.getKey()))
          .append("</td><td class=\"n\">")
          .append(rows.size())
          .append("</td><td class=\"n\">")
          .append(
              String.format(
                  Locale.ROOT, "%,d", rows.stream().mapToInt(ReportData.RepRow::accounts).sum()))
          .append("</td><td class=\"n\">")
          .append(
              money(
                  BigDecimal.valueOf(
                      rows.stream().mapToDouble(ReportData.RepRow::potential).sum())))
          .append("</td><td class=\"n\">")
          .append(range(rows.stream().mapToDouble(ReportData.RepRow::balanceIndexBefore).toArray()))
          .append("</td><td class=\"n\">")
          .append(range(rows.stream().mapToDouble(ReportData.RepRow::balanceIndex).toArray()))
          .append("</td><td class=\"n\">")
          .append(
              money(
                  rows.stream()
                      .map(ReportData.RepRow::quota)
                      .reduce(BigDecimal.ZERO, BigDecimal::add)))
          .append("</td></tr>");
    }
    h.append("</tbody></table>\n");
  }

  private static void repTable(StringBuilder h, List<ReportData.RepRow> reps) {
    h.append("<h2>Reps</h2><table><thead><tr><th>rep</th><th>segment</th><th>FTE</th>")
        .append("<th>accounts</th><th>potential</th><th>balance before</th><th>balance</th>")
        .append("<th>workload</th><th>travel km</th><th>quota</th><th>last quota</th>")
        .append("<th>ramp</th><th>cap</th><th>explanation</th></tr></thead><tbody>");
    for (ReportData.RepRow r : reps) {
      h.append("<tr><td>")
          .append(Html.escape(r.repId()))
          .append("</td><td>")
          .append(Html.escape(r.segment()))
          .append("</td><td class=\"n\">")
          .append(String.format(Locale.ROOT, "%.2f", r.capacity()))
          .append("</td><td class=\"n\">")
          .append(r.accounts())
          .append("</td><td class=\"n\">")
          .append(money(BigDecimal.valueOf(r.potential())))
          .append("</td><td class=\"n\">")
          .append(index(r.balanceIndexBefore()))
          .append("</td><td class=\"n\">")
          .append(index(r.balanceIndex()))
          .append("</td><td class=\"n\">")
          .append(index(r.workloadIndex()))
          .append("</td><td class=\"n\">")
          .append(
              r.meanTravelKm() == null ? "" : String.format(Locale.ROOT, "%.0f", r.meanTravelKm()))
          .append("</td><td class=\"n\">")
          .append(money(r.quota()))
          .append("</td><td class=\"n\">")
          .append(r.previousQuota() == null ? "" : money(r.previousQuota()))
          .append("</td><td class=\"n\">")
          .append(String.format(Locale.ROOT, "%.2f", r.rampFactor()))
          .append("</td><td>")
          .append(Html.escape(r.capApplied()))
          .append("</td><td class=\"why\">")
          .append(Html.escape(r.explanation()))
          .append("</td></tr>");
    }
    h.append("</tbody></table>\n");
  }

  private static Map<String, Object> chartData(ReportData d) {
    List<ReportData.RepRow> sorted = new ArrayList<>(d.reps());
    sorted.sort(
        (a, b) ->
            a.segment().equals(b.segment())
                ? Double.compare(a.balanceIndexBefore(), b.balanceIndexBefore())
                : a.segment().compareTo(b.segment()));
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("reps", sorted.stream().map(r -> r.repId() + " (" + r.segment() + ")").toList());
    data.put("before", sorted.stream().map(r -> round(r.balanceIndexBefore())).toList());
    data.put("after", sorted.stream().map(r -> round(r.balanceIndex())).toList());
    data.put("quota", sorted.stream().map(r -> r.quota().doubleValue()).toList());
    data.put(
        "previous",
        sorted.stream()
            .map(r -> r.previousQuota() == null ? null : r.previousQuota().doubleValue())
            .toList());
    List<Map<String, Object>> reasons = new ArrayList<>();
    d.movedByReason().forEach((k, v) -> reasons.add(Map.of("name", k, "value", v)));
    data.put("reasons", reasons);
    return data;
  }

  private static String json(Object value) {
    try {
      return new ObjectMapper().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String echarts() {
    try (InputStream in = HtmlReport.class.getResourceAsStream(ECHARTS)) {
      if (in == null) {
        throw new IllegalStateException("ECharts is missing from the classpath: " + ECHARTS);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static double round(double v) {
    return Double.isNaN(v) ? 0 : Math.round(v * 10000) / 10000.0;
  }

  private static String index(double v) {
    return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.3f", v);
  }

  private static String range(double[] values) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    return values.length == 0 ? "" : String.format(Locale.ROOT, "%.3f..%.3f", min, max);
  }

  static String money(BigDecimal amount) {
    return String.format(Locale.ROOT, "$%,.0f", amount);
  }

  private static final String STYLE =
      "body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:24px;color:#1d2433}"
          + "h1{margin:0 0 4px}h2{margin-top:32px;font-size:18px}.meta{color:#5b6475}"
          + ".kpis{display:flex;flex-wrap:wrap;gap:12px;margin-top:16px}"
          + ".kpi{border:1px solid #dde2ea;border-radius:8px;padding:10px 14px;min-width:180px}"
          + ".kpi .label{font-size:12px;color:#5b6475}.kpi .value{font-size:16px;font-weight:600}"
          + ".chart{height:360px;width:100%}.chart.small{height:280px}"
          + "table{border-collapse:collapse;font-size:13px;margin-top:8px}"
          + "th,td{border-bottom:1px solid #e6e9ef;padding:4px 8px;text-align:left;vertical-align:top}"
          + "td.n{text-align:right;white-space:nowrap}td.why{max-width:520px;color:#3b4252}";

  private static final String CHARTS =
      "const balance = echarts.init(document.getElementById('balance'));\n"
          + "balance.setOption({tooltip:{trigger:'axis'},legend:{data:['before','plan']},"
          + "xAxis:{type:'category',data:DATA.reps,axisLabel:{show:false}},"
          + "yAxis:{type:'value',min:function(v){return Math.min(0.5,Math.floor(v.min*10)/10);}},"
          + "dataZoom:[{type:'inside'},{type:'slider'}],"
          + "series:[{name:'before',type:'bar',data:DATA.before,itemStyle:{color:'#c0c7d4'}},"
          + "{name:'plan',type:'bar',data:DATA.after,itemStyle:{color:'#2f6fde'}}]});\n"
          + "const quotas = echarts.init(document.getElementById('quotas'));\n"
          + "quotas.setOption({tooltip:{trigger:'axis'},legend:{data:['last period','plan']},"
          + "xAxis:{type:'category',data:DATA.reps,axisLabel:{show:false}},yAxis:{type:'value'},"
          + "dataZoom:[{type:'inside'},{type:'slider'}],"
          + "series:[{name:'last period',type:'bar',data:DATA.previous,itemStyle:{color:'#c0c7d4'}},"
          + "{name:'plan',type:'bar',data:DATA.quota,itemStyle:{color:'#1f9d6a'}}]});\n"
          + "const reasons = echarts.init(document.getElementById('reasons'));\n"
          + "reasons.setOption({tooltip:{},series:[{type:'pie',radius:['40%','70%'],"
          + "data:DATA.reasons,label:{formatter:'{b}: {c}'}}]});\n"
          + "window.addEventListener('resize',()=>{balance.resize();quotas.resize();reasons.resize();});\n";
}
