package org.quotient.datasets;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Seeded generator of realistic planning data: accounts placed in real US counties by population,
 * reps with homes, last year's (unbalanced, nearest-rep) territories, years of opportunity history
 * driven by a hidden true potential per account, and quota history consistent with it.
 *
 * <p>Same {@link GeneratorSettings}, byte-identical files: every draw comes from one seeded {@link
 * SplittableRandom} split per phase, iteration order is fixed, numbers are formatted by hand
 * (locale-free) and transcendental functions use {@link StrictMath}.
 *
 * <p>Files are written to a temporary folder beside {@code outDir} and then moved into place, so a
 * reader never sees a half-written dataset.
 */
public final class DatasetGenerator {

  public static final String ACCOUNTS_FILE = "accounts.csv";
  public static final String REPS_FILE = "reps.csv";
  public static final String OPPORTUNITIES_FILE = "opportunities.csv";
  public static final String QUOTA_HISTORY_FILE = "quota_history.csv";
  public static final String GROUND_TRUTH_DIR = "ground_truth";
  public static final String TRUE_POTENTIAL_FILE = GROUND_TRUTH_DIR + "/true_potential.csv";
  public static final String README_FILE = "README.md";

  public static final List<String> ACCOUNT_COLUMNS =
      List.of(
          "account_id",
          "name",
          "parent_account_id",
          "segment",
          "industry",
          "employees",
          "annual_revenue",
          "lat",
          "lon",
          "county_fips",
          "current_rep_id",
          "locked_rep_id");
  public static final List<String> REP_COLUMNS =
      List.of(
          "rep_id",
          "name",
          "segment",
          "home_lat",
          "home_lon",
          "capacity",
          "hire_date",
          "manager_id",
          "region",
          "active");
  public static final List<String> OPPORTUNITY_COLUMNS =
      List.of(
          "opportunity_id",
          "account_id",
          "rep_id",
          "created_date",
          "close_date",
          "amount",
          "stage",
          "product");
  public static final List<String> QUOTA_HISTORY_COLUMNS =
      List.of("rep_id", "period_start", "period_end", "quota", "bookings");
  public static final List<String> TRUE_POTENTIAL_COLUMNS = List.of("account_id", "true_potential");

  /** Entries a previous generator output may contain; anything else makes the folder foreign. */
  private static final Set<String> OWN_ENTRIES =
      Set.of(
          ACCOUNTS_FILE,
          REPS_FILE,
          OPPORTUNITIES_FILE,
          QUOTA_HISTORY_FILE,
          GROUND_TRUTH_DIR,
          README_FILE);

  // ---- the model (see datasets/README.md for the reasoning behind each number) ----

  static final String[] SEGMENTS = {"enterprise", "mid_market", "smb"};
  private static final double[] SEGMENT_SHARE = {0.05, 0.25, 0.70};
  private static final double[] EMPLOYEES_MEDIAN = {4000, 250, 15};
  private static final double[] EMPLOYEES_SIGMA = {0.8, 0.55, 0.9};
  private static final int[] EMPLOYEES_MIN = {1000, 100, 1};
  private static final int[] EMPLOYEES_MAX = {400_000, 999, 99};

  /** Potential: log-linear in log(employees) and log(revenue) plus segment and industry effects. */
  private static final double POTENTIAL_INTERCEPT = 3.5;

  private static final double POTENTIAL_LOG_EMPLOYEES = 0.45;
  private static final double POTENTIAL_LOG_REVENUE = 0.35;
  private static final double[] POTENTIAL_SEGMENT_EFFECT = {-0.5, 0.0, 0.3};
  private static final double POTENTIAL_NOISE_SIGMA = 0.35;
  private static final double GROWTH_MEAN = 0.04;
  private static final double GROWTH_SIGMA = 0.05;

  /** Share of the true potential an owning rep books per year on average. */
  private static final double CAPTURE = 0.45;

  private static final double[] OPPORTUNITIES_PER_YEAR = {10.0, 4.0, 1.2};
  private static final double[] WIN_RATE = {0.22, 0.28, 0.33};
  private static final double DEAL_SIGMA = 0.5;
  private static final double[] CYCLE_DAYS_MEDIAN = {90, 45, 21};
  private static final double CYCLE_SIGMA = 0.5;
  private static final double NEW_ACCOUNT_SHARE = 0.03;
  private static final double CHILD_ACCOUNT_SHARE = 0.03;
  private static final double LOCKED_ENTERPRISE_SHARE = 0.01;
  private static final double NEIGHBOUR_OWNER_SHARE = 0.05;

  /**
   * Last year's plan gave each rep capacity x this error (log-normal, clamped) of the potential.
   */
  private static final double PLAN_ERROR_SIGMA = 0.15;

  private static final double PLAN_ERROR_MIN = 0.7;
  private static final double PLAN_ERROR_MAX = 1.4;

  /** Growth shared by a county's accounts, on top of each account's own. */
  private static final double REGIONAL_GROWTH_SIGMA = 0.05;

  private static final double ACCOUNT_JITTER_KM = 4.0;
  private static final double REP_JITTER_KM = 1.0;
  private static final double NEW_HIRE_SHARE = 0.08;
  private static final double DEPARTED_SHARE = 0.03;
  private static final int NEW_HIRE_WINDOW_DAYS = 182;
  private static final int MANAGER_SPAN = 8;

  static final String[] INDUSTRIES = {
    "software", "manufacturing", "healthcare", "financial_services", "retail",
    "professional_services", "construction", "logistics", "education", "energy"
  };
  private static final double[] INDUSTRY_WEIGHT = {
    0.10, 0.14, 0.12, 0.09, 0.12, 0.13, 0.09, 0.08, 0.06, 0.07
  };
  private static final double[] REVENUE_PER_EMPLOYEE = {
    250_000, 300_000, 150_000, 450_000, 180_000, 160_000, 220_000, 260_000, 90_000, 600_000
  };
  private static final double[] POTENTIAL_INDUSTRY_EFFECT = {
    0.30, 0.10, 0.05, 0.25, -0.20, 0.05, -0.15, -0.05, -0.30, 0.0
  };
  private static final String[] PRODUCTS = {
    "platform", "analytics", "integrations", "services", "support"
  };
  private static final double[] PRODUCT_WEIGHT = {0.35, 0.25, 0.15, 0.15, 0.10};

  private static final String[] NAME_WORDS = {
    "Acme",
    "Apex",
    "Atlas",
    "Beacon",
    "Birch",
    "Blue Ridge",
    "Bright",
    "Canyon",
    "Cedar",
    "Clear",
    "Cobalt",
    "Crest",
    "Delta",
    "Eagle",
    "Evergreen",
    "Falcon",
    "Frontier",
    "Granite",
    "Harbor",
    "Highland",
    "Horizon",
    "Iron",
    "Keystone",
    "Lakeside",
    "Liberty",
    "Maple",
    "Meridian",
    "Summit",
    "North Star",
    "Oak",
    "Orion",
    "Pacific",
    "Pioneer",
    "Prairie",
    "Redwood",
    "River",
    "Sierra",
    "Silver",
    "Stone",
    "Sun",
    "Trident",
    "Union",
    "Valley",
    "Vista",
    "West End",
    "Willow"
  };
  private static final String[] NAME_NOUNS = {
    "Analytics", "Builders", "Capital", "Clinics", "Consulting", "Dynamics", "Energy", "Foods",
    "Freight", "Health", "Industries", "Labs", "Logistics", "Manufacturing", "Media", "Motors",
    "Networks", "Partners", "Retail", "Solutions", "Supply", "Systems", "Technologies", "Works"
  };
  private static final String[] NAME_SUFFIXES = {"Inc", "LLC", "Corp", "Co", "Group", "Holdings"};
  private static final String[] FIRST_NAMES = {
    "Alex", "Ana", "Ben", "Carla", "Chris", "Dana", "David", "Elena", "Eric", "Fatima", "Grace",
    "Hannah", "Ivan", "Jamal", "Jess", "Jordan", "Kenji", "Laura", "Luis", "Maya", "Mei", "Nadia",
    "Noah", "Omar", "Priya", "Rachel", "Sam", "Sofia", "Tom", "Wei", "Yusuf", "Zoe"
  };
  private static final String[] LAST_NAMES = {
    "Adams", "Baker", "Chen", "Diaz", "Evans", "Fischer", "Garcia", "Hughes", "Ito", "Johnson",
    "Kim", "Lopez", "Martin", "Nguyen", "Okafor", "Patel", "Quinn", "Rossi", "Singh", "Taylor",
    "Ueda", "Vargas", "Walker", "Xu", "Young", "Zhang"
  };

  private static volatile Counties counties;

  private DatasetGenerator() {}

  /**
   * Generates a dataset into {@code outDir} (created if missing; a previous generator output there
   * is replaced, anything else there is refused).
   *
   * @throws DatasetGenerationException if {@code outDir} holds foreign files or cannot be written
   */
  public static GenerationReport generate(GeneratorSettings settings, Path outDir) {
    Path target = outDir.toAbsolutePath().normalize();
    if (target.getParent() == null) {
      throw DatasetErrors.outDirIsRoot(target);
    }
    checkTarget(target);
    Path parent = target.getParent();
    Path tmp;
    try {
      Files.createDirectories(parent);
      tmp = createSibling(target, ".tmp-");
    } catch (IOException e) {
      throw DatasetErrors.ioFailure(target, e);
    }
    Map<String, Long> rows;
    boolean done = false;
    try {
      rows = new Generation(settings, countiesData()).writeTo(tmp);
      replace(tmp, target);
      done = true;
    } catch (IOException e) {
      throw DatasetErrors.ioFailure(target, e);
    } finally {
      if (!done) {
        deleteQuietly(tmp);
      }
    }
    List<Path> files = new ArrayList<>();
    for (String f : rows.keySet()) {
      files.add(target.resolve(f));
    }
    files.add(target.resolve(README_FILE));
    return new GenerationReport(target, rows, files);
  }

  /**
   * Generates the accounts and reps only, in memory: the same draws, hence the same values, as the
   * files {@link #generate} writes for the same settings (opportunities and quota history, which
   * are drawn afterwards, are skipped).
   */
  public static GeneratedData generateInMemory(GeneratorSettings settings) {
    Generation g = new Generation(settings, countiesData());
    g.generatePopulation();
    return new GeneratedData(settings, g.accountRecords(), g.repRecords());
  }

  private static Counties countiesData() {
    Counties c = counties;
    if (c == null) {
      synchronized (DatasetGenerator.class) {
        c = counties;
        if (c == null) {
          c = Counties.load();
          counties = c;
        }
      }
    }
    return c;
  }

  // ---------------------------------------------------------------- output folder handling

  private static void checkTarget(Path target) {
    if (!Files.exists(target)) {
      return;
    }
    if (!Files.isDirectory(target)) {
      throw DatasetErrors.outDirIsFile(target);
    }
    Set<String> entries = new TreeSet<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(target)) {
      for (Path p : ds) {
        entries.add(p.getFileName().toString());
      }
    } catch (IOException e) {
      throw DatasetErrors.ioFailure(target, e);
    }
    if (entries.isEmpty()) {
      return;
    }
    List<String> unexpected = new ArrayList<>();
    for (String e : entries) {
      if (!OWN_ENTRIES.contains(e)) {
        unexpected.add(e);
      }
    }
    if (!unexpected.isEmpty() || !entries.contains(ACCOUNTS_FILE)) {
      throw DatasetErrors.foreignOutputDir(target, unexpected);
    }
  }

  private static void replace(Path tmp, Path target) throws IOException {
    Path old = null;
    if (Files.exists(target)) {
      old = createSibling(target, ".old-");
      Files.delete(old);
      Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
    }
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      if (old != null) {
        Files.move(old, target, StandardCopyOption.ATOMIC_MOVE); // put the previous output back
      }
      throw e;
    }
    if (old != null) {
      deleteQuietly(old);
    }
  }

  /**
   * A new hidden folder beside {@code target} (same file system, so the final move is a rename),
   * with the default permissions (unlike {@link Files#createTempDirectory}, which makes it
   * private).
   */
  private static Path createSibling(Path target, String infix) throws IOException {
    for (int attempt = 0; ; attempt++) {
      Path p =
          target.resolveSibling(
              "." + target.getFileName() + infix + Long.toHexString(System.nanoTime() + attempt));
      try {
        return Files.createDirectory(p);
      } catch (java.nio.file.FileAlreadyExistsException e) {
        if (attempt > 100) {
          throw e;
        }
      }
    }
  }

  private static void deleteQuietly(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException | UncheckedIOException e) {
      // best effort: a leftover hidden temp folder is harmless
    }
  }

  // ---------------------------------------------------------------- one generation run

  /**
   * One run: holds the generated accounts and reps as primitive columns (1M accounts fit easily).
   */
  private static final class Generation {
    private final GeneratorSettings s;
    private final Counties geo;
    private final LocalDate asOf;
    private final LocalDate[] periodStart; // years + 1 boundaries, last = asOf
    private final SplittableRandom accountRng;
    private final SplittableRandom repRng;
    private final SplittableRandom ownerRng;
    private final SplittableRandom opportunityRng;
    private final SplittableRandom quotaRng;

    // accounts
    private final int n;
    private final byte[] segment;
    private final byte[] industry;
    private final int[] employees;
    private final long[] revenue;
    private final double[] lat;
    private final double[] lon;
    private final int[] county;
    private final int[] nameCode;
    private final int[] parent;
    private final double[] potential; // true annual potential at asOf
    private final double[] growth;
    private final double[] regionalGrowth; // per county
    private final boolean[] isNew;
    private final int[] owner;
    private final boolean[] locked;

    // reps
    private final int r;
    private final byte[] repSegment;
    private final double[] homeLat;
    private final double[] homeLon;
    private final String[] repState;
    private final double[] capacity;
    private final LocalDate[] hireDate;
    private final LocalDate[] leaveDate; // null = still employed
    private final boolean[] newHire;
    private final double[] skill;
    private final String[] repName;
    private final String[] managerId;

    Generation(GeneratorSettings settings, Counties geo) {
      this.s = settings;
      this.geo = geo;
      this.asOf = settings.asOf();
      this.periodStart = new LocalDate[settings.years() + 1];
      for (int k = 0; k <= settings.years(); k++) {
        periodStart[k] = asOf.minusYears(settings.years() - k);
      }
      SplittableRandom root = new SplittableRandom(settings.seed());
      accountRng = root.split();
      repRng = root.split();
      ownerRng = root.split();
      opportunityRng = root.split();
      quotaRng = root.split();
      SplittableRandom regionRng = root.split();
      regionalGrowth = new double[geo.all().size()];
      for (int c = 0; c < regionalGrowth.length; c++) {
        regionalGrowth[c] = REGIONAL_GROWTH_SIGMA * gaussian(regionRng);
      }

      n = settings.accounts();
      segment = new byte[n];
      industry = new byte[n];
      employees = new int[n];
      revenue = new long[n];
      lat = new double[n];
      lon = new double[n];
      county = new int[n];
      nameCode = new int[n];
      parent = new int[n];
      potential = new double[n];
      growth = new double[n];
      isNew = new boolean[n];
      owner = new int[n];
      java.util.Arrays.fill(owner, -1); // new accounts stay without an owner
      locked = new boolean[n];

      r = settings.reps();
      repSegment = new byte[r];
      homeLat = new double[r];
      homeLon = new double[r];
      repState = new String[r];
      capacity = new double[r];
      hireDate = new LocalDate[r];
      leaveDate = new LocalDate[r];
      newHire = new boolean[r];
      skill = new double[r];
      repName = new String[r];
      managerId = new String[r];
    }

    /** Accounts, reps and last year's owners: everything before the history. */
    void generatePopulation() {
      generateAccounts();
      generateReps();
    }

    Map<String, Long> writeTo(Path dir) throws IOException {
      generatePopulation();
      Map<String, Long> rows = new LinkedHashMap<>();
      rows.put(ACCOUNTS_FILE, writeAccounts(dir.resolve(ACCOUNTS_FILE)));
      rows.put(REPS_FILE, writeReps(dir.resolve(REPS_FILE)));
      long[][] bookings = new long[r][s.years()];
      rows.put(OPPORTUNITIES_FILE, writeOpportunities(dir.resolve(OPPORTUNITIES_FILE), bookings));
      rows.put(QUOTA_HISTORY_FILE, writeQuotaHistory(dir.resolve(QUOTA_HISTORY_FILE), bookings));
      Files.createDirectories(dir.resolve(GROUND_TRUTH_DIR));
      rows.put(TRUE_POTENTIAL_FILE, writeTruePotential(dir.resolve(TRUE_POTENTIAL_FILE)));
      writeReadme(dir.resolve(README_FILE), rows);
      return rows;
    }

    // ---- accounts

    private void generateAccounts() {
      SplittableRandom rng = accountRng;
      Counties.Sampler byPopulation = geo.sampler(1.0);
      List<Counties.County> all = geo.all();
      int[] parentCandidates = new int[n];
      int parentCount = 0;
      for (int i = 0; i < n; i++) {
        int seg = pick(rng, SEGMENT_SHARE);
        segment[i] = (byte) seg;
        int ind = pick(rng, INDUSTRY_WEIGHT);
        county[i] = byPopulation.draw(rng);
        Counties.County c = all.get(county[i]);
        double[] p = jitter(rng, c.lat(), c.lon(), ACCOUNT_JITTER_KM);
        lat[i] = p[0];
        lon[i] = p[1];
        nameCode[i] =
            (rng.nextInt(NAME_WORDS.length) << 16)
                | (rng.nextInt(NAME_NOUNS.length) << 8)
                | rng.nextInt(NAME_SUFFIXES.length);
        parent[i] = -1;
        // a few % of accounts belong to a family headed by an earlier enterprise account
        boolean child = rng.nextDouble() < CHILD_ACCOUNT_SHARE && parentCount > 0;
        if (child) {
          parent[i] = parentCandidates[rng.nextInt(parentCount)];
          ind = industry[parent[i]]; // families stay in their industry
        } else if (seg == 0) {
          parentCandidates[parentCount++] = i;
        }
        industry[i] = (byte) ind;
        employees[i] =
            (int)
                logNormalInRange(
                    rng,
                    EMPLOYEES_MEDIAN[seg],
                    EMPLOYEES_SIGMA[seg],
                    EMPLOYEES_MIN[seg],
                    EMPLOYEES_MAX[seg]);
        double rev =
            employees[i] * REVENUE_PER_EMPLOYEE[ind] * StrictMath.exp(0.45 * gaussian(rng));
        revenue[i] = Math.max(1000, Math.round(rev / 1000.0) * 1000);
        double logPotential =
            POTENTIAL_INTERCEPT
                + POTENTIAL_LOG_EMPLOYEES * StrictMath.log(employees[i])
                + POTENTIAL_LOG_REVENUE * StrictMath.log(revenue[i])
                + POTENTIAL_SEGMENT_EFFECT[seg]
                + POTENTIAL_INDUSTRY_EFFECT[ind]
                + POTENTIAL_NOISE_SIGMA * gaussian(rng);
        potential[i] = Math.max(100, Math.round(StrictMath.exp(logPotential)));
        growth[i] =
            clamp(
                GROWTH_MEAN + regionalGrowth[county[i]] + GROWTH_SIGMA * gaussian(rng),
                -0.15,
                0.25);
        isNew[i] = rng.nextDouble() < NEW_ACCOUNT_SHARE;
      }
    }

    private String accountName(int i) {
      if (parent[i] >= 0) {
        int p = parent[i];
        return baseName(nameCode[p]) + " - " + geo.all().get(county[i]).state();
      }
      return baseName(nameCode[i]);
    }

    private static String baseName(int code) {
      return NAME_WORDS[code >>> 16]
          + " "
          + NAME_NOUNS[(code >>> 8) & 0xff]
          + " "
          + NAME_SUFFIXES[code & 0xff];
    }

    // ---- reps

    private void generateReps() {
      SplittableRandom rng = repRng;
      int[] perSegment = repsPerSegment();
      int next = 0;
      for (int seg = 0; seg < SEGMENTS.length; seg++) {
        for (int k = 0; k < perSegment[seg]; k++, next++) {
          int i = next;
          repSegment[i] = (byte) seg;
          repName[i] =
              FIRST_NAMES[rng.nextInt(FIRST_NAMES.length)]
                  + " "
                  + LAST_NAMES[rng.nextInt(LAST_NAMES.length)];
          double u = rng.nextDouble();
          capacity[i] = u < 0.04 ? 0.5 : u < 0.10 ? 0.8 : 1.0;
          skill[i] = StrictMath.exp(0.15 * gaussian(rng));
          double status = rng.nextDouble();
          // the first rep of each segment is always a tenured, active owner
          boolean first = k == 0;
          int historyDays = (int) ChronoUnit.DAYS.between(periodStart[0], asOf);
          if (!first && status < NEW_HIRE_SHARE) {
            newHire[i] = true;
            hireDate[i] = asOf.minusDays(1 + rng.nextInt(NEW_HIRE_WINDOW_DAYS));
            capacity[i] = 1.0;
          } else if (!first && status < NEW_HIRE_SHARE + DEPARTED_SHARE) {
            leaveDate[i] = asOf.minusDays(14 + rng.nextInt(NEW_HIRE_WINDOW_DAYS - 14));
            hireDate[i] = leaveDate[i].minusDays(365 + rng.nextInt(historyDays + 3 * 365));
          } else {
            // tenured: most were hired before the history window, some during it
            hireDate[i] =
                asOf.minusDays(NEW_HIRE_WINDOW_DAYS + 30 + rng.nextInt(historyDays + 4 * 365));
          }
        }
      }
      // last year's plan places the reps who were there; new hires live where the business is
      next = 0;
      for (int seg = 0; seg < SEGMENTS.length; seg++) {
        int[] reps = new int[perSegment[seg]];
        for (int k = 0; k < reps.length; k++) {
          reps[k] = next++;
        }
        drawLastYearsPlan(seg, reps, ownerRng);
      }
      // managers: teams of up to MANAGER_SPAN reps per region and segment, in rep order
      Map<String, Integer> teamSize = new LinkedHashMap<>();
      for (int i = 0; i < r; i++) {
        String region = Counties.region(repState[i]);
        String key = region.toUpperCase(java.util.Locale.ROOT) + "-" + segmentCode(repSegment[i]);
        int rank = teamSize.merge(key, 1, Integer::sum) - 1;
        managerId[i] = "M-" + key + "-" + (rank / MANAGER_SPAN + 1);
      }
    }

    /**
     * Last year's territories of one segment, and every rep's home. Last year's planner ordered the
     * segment's accounts along a Hilbert curve (neighbours on the curve are neighbours on the map)
     * and cut them into runs, one per rep employed then (today's tenured reps and those who left
     * since), each run's potential <i>as it was a year ago</i> proportional to the rep's capacity
     * times a planning error (spreadsheet planning, negotiated exceptions). Each such rep lives
     * near the account closest to the potential-weighted centre of their run and owns it, except
     * for a few accounts held by the rep of a neighbouring run (history is messy). A year of uneven
     * growth (regional and per account) then pushes the plan further out of balance. New hires own
     * nothing and live near an account drawn by potential: companies hire where the business is.
     * Accounts that are new this year have no owner.
     */
    private void drawLastYearsPlan(int seg, int[] reps, SplittableRandom rng) {
      int count = 0;
      for (int i = 0; i < n; i++) {
        if (segment[i] == seg && !isNew[i]) {
          count++;
        }
      }
      long[] keyed = new long[count];
      int c = 0;
      for (int i = 0; i < n; i++) {
        if (segment[i] == seg && !isNew[i]) {
          keyed[c++] = (hilbert(lat[i], lon[i]) << ACCOUNT_INDEX_BITS) | i;
        }
      }
      java.util.Arrays.sort(keyed);
      int[] lastYear =
          java.util.Arrays.stream(reps).filter(j -> !newHire[j]).toArray(); // never empty
      double[] share = new double[lastYear.length + 1]; // cumulative, share[0] = 0
      for (int k = 0; k < lastYear.length; k++) {
        double planError =
            clamp(StrictMath.exp(PLAN_ERROR_SIGMA * gaussian(rng)), PLAN_ERROR_MIN, PLAN_ERROR_MAX);
        share[k + 1] = share[k] + capacity[lastYear[k]] * planError;
      }
      double total = 0;
      for (long key : keyed) {
        int i = (int) (key & ACCOUNT_INDEX_MASK);
        total += potential[i] / (1 + growth[i]);
      }
      // run of each account along the curve, and the potential-weighted centre of each run
      int m = lastYear.length;
      int[] run = new int[count];
      double[][] centre = new double[m][3];
      double cumulative = 0;
      int k = 0;
      for (int j = 0; j < count; j++) {
        int i = (int) (keyed[j] & ACCOUNT_INDEX_MASK);
        double before = potential[i] / (1 + growth[i]);
        // the account goes to the run holding the middle of its potential on the curve
        double middle = (cumulative + before / 2) / total * share[m];
        while (k < m - 1 && middle >= share[k + 1]) {
          k++;
        }
        run[j] = k;
        cumulative += before;
        double[] v = unit(lat[i], lon[i]);
        for (int d = 0; d < 3; d++) {
          centre[k][d] += potential[i] * v[d];
        }
      }
      int[] home = new int[m];
      java.util.Arrays.fill(home, -1);
      double[] best = new double[m];
      java.util.Arrays.fill(best, Double.NEGATIVE_INFINITY);
      for (int j = 0; j < count; j++) {
        int i = (int) (keyed[j] & ACCOUNT_INDEX_MASK);
        double[] v = unit(lat[i], lon[i]);
        int q = run[j];
        double dot = v[0] * centre[q][0] + v[1] * centre[q][1] + v[2] * centre[q][2];
        if (dot > best[q]) {
          best[q] = dot;
          home[q] = i;
        }
      }
      for (int j = 0; j < count; j++) {
        int i = (int) (keyed[j] & ACCOUNT_INDEX_MASK);
        int q = run[j];
        double u = rng.nextDouble();
        if (u < NEIGHBOUR_OWNER_SHARE) {
          int neighbour = u < NEIGHBOUR_OWNER_SHARE / 2 ? q - 1 : q + 1;
          if (neighbour >= 0 && neighbour < m) {
            q = neighbour;
          }
        }
        owner[i] = lastYear[q];
        // ~1% of enterprise accounts are locked to their (still active) rep
        locked[i] =
            seg == 0 && leaveDate[owner[i]] == null && rng.nextDouble() < LOCKED_ENTERPRISE_SHARE;
      }
      PotentialSampler where = new PotentialSampler(keyed, count);
      for (int q = 0; q < m; q++) {
        // a run left empty (one huge account spans several): the rep lives near a drawn account
        placeHome(lastYear[q], home[q] >= 0 ? home[q] : where.draw(rng), rng);
      }
      placeNewHires(reps, lastYear, home, where, rng);
    }

    /**
     * New hires live where the business needs them: the first ones back-fill reps who left (near
     * the leaver's home), the others expand the most overloaded territories (near an account of the
     * territory with the highest potential per head, heads counting the expansion hires placed so
     * far), as sales organisations hire.
     */
    private void placeNewHires(
        int[] reps, int[] lastYear, int[] home, PotentialSampler where, SplittableRandom rng) {
      int m = lastYear.length;
      int[] runOf = new int[r];
      java.util.Arrays.fill(runOf, -1);
      for (int q = 0; q < m; q++) {
        runOf[lastYear[q]] = q;
      }
      double[] load = new double[m];
      for (int i = 0; i < n; i++) {
        if (owner[i] >= 0 && runOf[owner[i]] >= 0) {
          load[runOf[owner[i]]] += potential[i];
        }
      }
      double[] heads = new double[m];
      java.util.List<Integer> leavers = new java.util.ArrayList<>();
      for (int q = 0; q < m; q++) {
        heads[q] = capacity[lastYear[q]];
        if (leaveDate[lastYear[q]] != null) {
          leavers.add(q);
        }
      }
      int backfilled = 0;
      for (int j : reps) {
        if (!newHire[j]) {
          continue;
        }
        if (backfilled < leavers.size()) {
          int q = leavers.get(backfilled++);
          placeHome(j, home[q] >= 0 ? home[q] : where.draw(rng), rng);
          continue;
        }
        int busiest = 0;
        for (int q = 1; q < m; q++) {
          if (load[q] / heads[q] > load[busiest] / heads[busiest]) {
            busiest = q;
          }
        }
        heads[busiest] += 1.0;
        placeHome(j, accountOf(lastYear[busiest], rng), rng);
      }
    }

    /** An account owned by the rep, drawn by potential; -1 when the rep owns none. */
    private int accountOf(int rep, SplittableRandom rng) {
      double total = 0;
      for (int i = 0; i < n; i++) {
        if (owner[i] == rep) {
          total += potential[i];
        }
      }
      double u = rng.nextDouble() * total;
      int last = -1;
      for (int i = 0; i < n; i++) {
        if (owner[i] == rep) {
          last = i;
          u -= potential[i];
          if (u < 0) {
            return i;
          }
        }
      }
      return last;
    }

    /** Home about a km from an account, or in a county drawn by population if there is none. */
    private void placeHome(int rep, int nearAccount, SplittableRandom rng) {
      Counties.County home;
      double[] p;
      if (nearAccount >= 0) {
        home = geo.all().get(county[nearAccount]);
        p = jitter(rng, lat[nearAccount], lon[nearAccount], REP_JITTER_KM);
      } else {
        home = geo.all().get(geo.sampler(1.25).draw(rng));
        p = jitter(rng, home.lat(), home.lon(), REP_JITTER_KM);
      }
      homeLat[rep] = p[0];
      homeLon[rep] = p[1];
      repState[rep] = home.state();
    }

    /** Draws one of the given accounts with probability proportional to its potential. */
    private final class PotentialSampler {
      private final long[] keyed;
      private final double[] cumulative;

      PotentialSampler(long[] keyed, int count) {
        this.keyed = keyed;
        this.cumulative = new double[count];
        double sum = 0;
        for (int j = 0; j < count; j++) {
          sum += potential[(int) (keyed[j] & ACCOUNT_INDEX_MASK)];
          cumulative[j] = sum;
        }
      }

      int draw(SplittableRandom rng) {
        if (cumulative.length == 0) {
          return -1;
        }
        double u = rng.nextDouble() * cumulative[cumulative.length - 1];
        int j = java.util.Arrays.binarySearch(cumulative, u);
        j = j >= 0 ? j : Math.min(cumulative.length - 1, -j - 1);
        return (int) (keyed[j] & ACCOUNT_INDEX_MASK);
      }
    }

    private static String segmentCode(int seg) {
      return switch (seg) {
        case 0 -> "ENT";
        case 1 -> "MM";
        default -> "SMB";
      };
    }

    /**
     * Reps per segment proportional to the segment's total true potential (so potential per rep is
     * comparable across segments), at least one each, by largest remainder.
     */
    private int[] repsPerSegment() {
      double[] total = new double[SEGMENTS.length];
      double sum = 0;
      for (int i = 0; i < n; i++) {
        total[segment[i]] += potential[i];
        sum += potential[i];
      }
      int[] count = new int[SEGMENTS.length];
      int assigned = 0;
      double[] ideal = new double[SEGMENTS.length];
      for (int seg = 0; seg < SEGMENTS.length; seg++) {
        ideal[seg] = (r - SEGMENTS.length) * total[seg] / sum;
        count[seg] = 1 + (int) Math.floor(ideal[seg]);
        assigned += count[seg];
      }
      while (assigned < r) {
        int best = 0;
        double bestRemainder = -1;
        for (int seg = 0; seg < SEGMENTS.length; seg++) {
          double remainder = ideal[seg] + 1 - count[seg];
          if (remainder > bestRemainder) {
            bestRemainder = remainder;
            best = seg;
          }
        }
        count[best]++;
        assigned++;
      }
      return count;
    }

    // ---- writing

    private CSVPrinter printer(Path file, List<String> header) throws IOException {
      Writer w =
          new BufferedWriter(
              new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16);
      CSVFormat format =
          CSVFormat.DEFAULT
              .builder()
              .setHeader(header.toArray(String[]::new))
              .setRecordSeparator("\n")
              .get();
      return new CSVPrinter(w, format);
    }

    private String accountId(int i) {
      return id('A', i + 1, 7);
    }

    private String repId(int j) {
      return id('R', j + 1, 4);
    }

    private long writeAccounts(Path file) throws IOException {
      try (CSVPrinter out = printer(file, ACCOUNT_COLUMNS)) {
        for (int i = 0; i < n; i++) {
          String ownerId = owner[i] >= 0 ? repId(owner[i]) : "";
          out.printRecord(
              accountId(i),
              accountName(i),
              parent[i] >= 0 ? accountId(parent[i]) : "",
              SEGMENTS[segment[i]],
              INDUSTRIES[industry[i]],
              Integer.toString(employees[i]),
              Long.toString(revenue[i]),
              fixed(lat[i], 5),
              fixed(lon[i], 5),
              geo.all().get(county[i]).fips(),
              ownerId,
              locked[i] ? ownerId : "");
        }
      }
      return n;
    }

    List<GeneratedAccount> accountRecords() {
      String[] repIds = new String[r];
      for (int j = 0; j < r; j++) {
        repIds[j] = repId(j);
      }
      List<GeneratedAccount> out = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        String ownerId = owner[i] >= 0 ? repIds[owner[i]] : null;
        out.add(
            new GeneratedAccount(
                accountId(i),
                parent[i] >= 0 ? accountId(parent[i]) : null,
                SEGMENTS[segment[i]],
                INDUSTRIES[industry[i]],
                employees[i],
                revenue[i],
                asWritten(lat[i], 5),
                asWritten(lon[i], 5),
                geo.all().get(county[i]).fips(),
                ownerId,
                locked[i] ? ownerId : null,
                (long) potential[i]));
      }
      return out;
    }

    List<GeneratedRep> repRecords() {
      List<GeneratedRep> out = new ArrayList<>(r);
      for (int j = 0; j < r; j++) {
        out.add(
            new GeneratedRep(
                repId(j),
                repName[j],
                SEGMENTS[repSegment[j]],
                asWritten(homeLat[j], 5),
                asWritten(homeLon[j], 5),
                asWritten(capacity[j], 1),
                hireDate[j],
                managerId[j],
                Counties.region(repState[j]),
                leaveDate[j] == null,
                newHire[j]));
      }
      return out;
    }

    private long writeReps(Path file) throws IOException {
      try (CSVPrinter out = printer(file, REP_COLUMNS)) {
        for (int j = 0; j < r; j++) {
          out.printRecord(
              repId(j),
              repName[j],
              SEGMENTS[repSegment[j]],
              fixed(homeLat[j], 5),
              fixed(homeLon[j], 5),
              fixed(capacity[j], 1),
              hireDate[j].toString(),
              managerId[j],
              Counties.region(repState[j]),
              leaveDate[j] == null ? "true" : "false");
        }
      }
      return r;
    }

    /**
     * Streams the opportunity history: per owned account and year a Poisson number of deals whose
     * expected won amount per year is CAPTURE x the account's true potential at that time.
     */
    private long writeOpportunities(Path file, long[][] bookings) throws IOException {
      SplittableRandom rng = opportunityRng;
      int years = s.years();
      long rows = 0;
      int[] periodDays = new int[years];
      for (int k = 0; k < years; k++) {
        periodDays[k] = (int) ChronoUnit.DAYS.between(periodStart[k], periodStart[k + 1]);
      }
      long asOfEpoch = asOf.toEpochDay();
      try (CSVPrinter out = printer(file, OPPORTUNITY_COLUMNS)) {
        for (int i = 0; i < n; i++) {
          if (owner[i] < 0) {
            continue; // new accounts have no history yet
          }
          int seg = segment[i];
          int rep = owner[i];
          double lambda = OPPORTUNITIES_PER_YEAR[seg];
          double winRate = Math.min(0.9, WIN_RATE[seg] * skill[rep]);
          String accountId = accountId(i);
          String repId = repId(rep);
          for (int k = 0; k < years; k++) {
            int count = poisson(rng, lambda);
            for (int c = 0; c < count; c++) {
              long created = periodStart[k].toEpochDay() + rng.nextInt(periodDays[k]);
              double yearsBeforeAsOf = (asOfEpoch - created) / 365.25;
              double potentialThen = potential[i] * StrictMath.pow(1 + growth[i], -yearsBeforeAsOf);
              double meanAmount = CAPTURE * potentialThen / (lambda * WIN_RATE[seg]);
              double amountRaw =
                  meanAmount
                      * StrictMath.exp(DEAL_SIGMA * gaussian(rng) - DEAL_SIGMA * DEAL_SIGMA / 2);
              long amount = Math.max(100, Math.round(amountRaw / 10.0) * 10);
              long cycle =
                  Math.max(
                      1,
                      Math.round(
                          CYCLE_DAYS_MEDIAN[seg] * StrictMath.exp(CYCLE_SIGMA * gaussian(rng))));
              long close = created + cycle;
              boolean won = rng.nextDouble() < winRate;
              String product = PRODUCTS[pick(rng, PRODUCT_WEIGHT)];
              String stage;
              String closeDate;
              if (close >= asOfEpoch) {
                stage = "open";
                closeDate = "";
              } else {
                stage = won ? "won" : "lost";
                closeDate = LocalDate.ofEpochDay(close).toString();
                if (won) {
                  bookings[rep][periodOf(close)] += amount;
                }
              }
              rows++;
              out.printRecord(
                  id('O', rows, 9),
                  accountId,
                  repId,
                  LocalDate.ofEpochDay(created).toString(),
                  closeDate,
                  Long.toString(amount),
                  stage,
                  product);
            }
          }
        }
      }
      return rows;
    }

    private int periodOf(long epochDay) {
      for (int k = periodStart.length - 2; k >= 0; k--) {
        if (epochDay >= periodStart[k].toEpochDay()) {
          return k;
        }
      }
      throw new IllegalStateException(
          "day before history start: " + LocalDate.ofEpochDay(epochDay));
    }

    /**
     * One row per rep and yearly period the rep was employed in. Quota is the target set the year
     * before: prior-year bookings x 1.1 with noise, or for the first year an estimate from the
     * rep's territory potential (prorated to the part of the year employed).
     */
    private long writeQuotaHistory(Path file, long[][] bookings) throws IOException {
      SplittableRandom rng = quotaRng;
      double[] territoryPotential = new double[r];
      double[] segmentPotential = new double[SEGMENTS.length];
      int[] segmentOwners = new int[SEGMENTS.length];
      for (int i = 0; i < n; i++) {
        if (owner[i] >= 0) {
          territoryPotential[owner[i]] += potential[i];
          segmentPotential[segment[i]] += potential[i];
        }
      }
      for (int j = 0; j < r; j++) {
        if (!newHire[j]) {
          segmentOwners[repSegment[j]]++;
        }
      }
      long rows = 0;
      try (CSVPrinter out = printer(file, QUOTA_HISTORY_COLUMNS)) {
        for (int j = 0; j < r; j++) {
          double territory =
              newHire[j]
                  ? 0.5
                      * segmentPotential[repSegment[j]]
                      / Math.max(1, segmentOwners[repSegment[j]])
                  : territoryPotential[j];
          boolean first = true;
          for (int k = 0; k < s.years(); k++) {
            double noise = StrictMath.exp(0.1 * gaussian(rng));
            LocalDate start = periodStart[k];
            LocalDate endExclusive = periodStart[k + 1];
            boolean employed =
                hireDate[j].isBefore(endExclusive)
                    && (leaveDate[j] == null || !leaveDate[j].isBefore(start));
            if (!employed) {
              continue;
            }
            double quota;
            if (first || bookings[j][k - 1] == 0) {
              double yearsBeforeAsOf = s.years() - k - 0.5;
              double employedShare =
                  hireDate[j].isAfter(start)
                      ? (double) ChronoUnit.DAYS.between(hireDate[j], endExclusive)
                          / ChronoUnit.DAYS.between(start, endExclusive)
                      : 1.0;
              quota =
                  CAPTURE
                      * territory
                      * StrictMath.pow(1 + GROWTH_MEAN, -yearsBeforeAsOf)
                      * employedShare
                      * noise;
            } else {
              quota = bookings[j][k - 1] * 1.1 * noise;
            }
            first = false;
            rows++;
            out.printRecord(
                repId(j),
                start.toString(),
                endExclusive.minusDays(1).toString(),
                Long.toString(Math.round(quota / 1000.0) * 1000),
                Long.toString(bookings[j][k]));
          }
        }
      }
      return rows;
    }

    private long writeTruePotential(Path file) throws IOException {
      try (CSVPrinter out = printer(file, TRUE_POTENTIAL_COLUMNS)) {
        for (int i = 0; i < n; i++) {
          out.printRecord(accountId(i), Long.toString((long) potential[i]));
        }
      }
      return n;
    }

    private void writeReadme(Path file, Map<String, Long> rows) throws IOException {
      StringBuilder b = new StringBuilder();
      b.append("# Generated Quotient planning dataset\n\n")
          .append("Written by `org.quotient.datasets.DatasetGenerator` with accounts=")
          .append(s.accounts())
          .append(", reps=")
          .append(s.reps())
          .append(", years=")
          .append(s.years())
          .append(", seed=")
          .append(s.seed())
          .append(", asOf=")
          .append(asOf)
          .append(". Same settings give byte-identical files.\n\n")
          .append("| file | rows |\n|---|---|\n");
      for (Map.Entry<String, Long> e : rows.entrySet()) {
        b.append("| `").append(e.getKey()).append("` | ").append(e.getValue()).append(" |\n");
      }
      b.append(
          "\n`ground_truth/` holds the hidden true potential the history was simulated from: use it"
              + " only to score a planning run, never as an input.\n");
      Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
    }
  }

  // ---------------------------------------------------------------- small numeric helpers

  /** Index drawn with the given weights (summing to 1). */
  static int pick(SplittableRandom rng, double[] weights) {
    double u = rng.nextDouble();
    double acc = 0;
    for (int k = 0; k < weights.length - 1; k++) {
      acc += weights[k];
      if (u < acc) {
        return k;
      }
    }
    return weights.length - 1;
  }

  /** Standard normal by Box-Muller with StrictMath, so draws are identical on every JVM. */
  static double gaussian(SplittableRandom rng) {
    double u1 = 1.0 - rng.nextDouble(); // (0, 1]
    double u2 = rng.nextDouble();
    return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2 * Math.PI * u2);
  }

  static int poisson(SplittableRandom rng, double mean) {
    double limit = StrictMath.exp(-mean);
    double p = 1.0;
    int k = 0;
    do {
      k++;
      p *= rng.nextDouble();
    } while (p > limit);
    return k - 1;
  }

  private static long logNormalInRange(
      SplittableRandom rng, double median, double sigma, int min, int max) {
    for (int attempt = 0; attempt < 50; attempt++) {
      long v = Math.round(median * StrictMath.exp(sigma * gaussian(rng)));
      if (v >= min && v <= max) {
        return v;
      }
    }
    return Math.round(clamp(median, min, max));
  }

  private static double clamp(double v, double lo, double hi) {
    return Math.max(lo, Math.min(hi, v));
  }

  /** A point a few km (normal, sd {@code km} per axis) around (lat, lon). */
  private static double[] jitter(SplittableRandom rng, double lat, double lon, double km) {
    double dLat = km * gaussian(rng) / 111.0;
    double dLon = km * gaussian(rng) / (111.0 * Math.max(0.2, StrictMath.cos(Math.toRadians(lat))));
    return new double[] {clamp(lat + dLat, -90, 90), lon + dLon};
  }

  private static final int ACCOUNT_INDEX_BITS = 24;
  private static final long ACCOUNT_INDEX_MASK = (1L << ACCOUNT_INDEX_BITS) - 1;
  private static final int HILBERT_ORDER = 16;

  /** Position of (lat, lon) along a Hilbert curve over the box lat 15..75, lon -180..-60. */
  static long hilbert(double lat, double lon) {
    int side = 1 << HILBERT_ORDER;
    long x = (long) clamp((lon + 180.0) / 120.0 * side, 0, side - 1);
    long y = (long) clamp((lat - 15.0) / 60.0 * side, 0, side - 1);
    long d = 0;
    for (long s = side / 2; s > 0; s /= 2) {
      long rx = (x & s) > 0 ? 1 : 0;
      long ry = (y & s) > 0 ? 1 : 0;
      d += s * s * ((3 * rx) ^ ry);
      if (ry == 0) {
        if (rx == 1) {
          x = s - 1 - x;
          y = s - 1 - y;
        }
        long t = x;
        x = y;
        y = t;
      }
    }
    return d;
  }

  /** The unit vector of a point on the sphere; the largest dot product is the nearest point. */
  static double[] unit(double lat, double lon) {
    double la = Math.toRadians(lat);
    double lo = Math.toRadians(lon);
    return new double[] {
      StrictMath.cos(la) * StrictMath.cos(lo),
      StrictMath.cos(la) * StrictMath.sin(lo),
      StrictMath.sin(la)
    };
  }

  /** A prefix and a number zero-padded to at least {@code width} digits, e.g. A0000042. */
  static String id(char prefix, long number, int width) {
    String digits = Long.toString(number);
    StringBuilder b = new StringBuilder(width + 1).append(prefix);
    for (int pad = digits.length(); pad < width; pad++) {
      b.append('0');
    }
    return b.append(digits).toString();
  }

  /** The value a reader parses back from {@link #fixed}: same text, same double. */
  static double asWritten(double v, int decimals) {
    return Double.parseDouble(fixed(v, decimals));
  }

  /** Formats with a fixed number of decimals, locale-free and without scientific notation. */
  static String fixed(double v, int decimals) {
    long scale = 1;
    for (int d = 0; d < decimals; d++) {
      scale *= 10;
    }
    long scaled = Math.round(v * scale);
    StringBuilder b = new StringBuilder(16);
    if (scaled < 0) {
      b.append('-');
      scaled = -scaled;
    }
    b.append(scaled / scale);
    if (decimals > 0) {
      b.append('.');
      String frac = Long.toString(scaled % scale);
      for (int pad = frac.length(); pad < decimals; pad++) {
        b.append('0');
      }
      b.append(frac);
    }
    return b.toString();
  }
}
