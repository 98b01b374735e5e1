package org.quotient.engine.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Command lines for a quick {@code plan} on the small {@link InputFixture}. */
public final class PlanArgs {
  private PlanArgs() {}

  /**
   * {@code plan} of {@code input} into {@code lake} on {@code local[2]}, with a small target and
   * the potential model off (four accounts are too few to fit it), then {@code more}.
   */
  public static String[] quickPlan(Path input, Path lake, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "plan",
                "--input",
                input.toString(),
                "--lake",
                lake.toString(),
                "--master",
                "local[2]",
                "--target",
                "2000000",
                "--model-weight",
                "0"));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }
}
