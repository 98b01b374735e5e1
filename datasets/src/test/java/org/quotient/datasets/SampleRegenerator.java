package org.quotient.datasets;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Not a test: rewrites the committed sample in datasets/sample after a model change. Run it with
 * {@code mvn -B -q -pl datasets test -Dtest=SampleRegenerator -DregenerateSample=true}.
 */
class SampleRegenerator {
  @Test
  @EnabledIfSystemProperty(named = "regenerateSample", matches = "true")
  void regenerateCommittedSample() {
    DatasetGenerator.generate(DeterminismTest.SAMPLE_SETTINGS, Path.of("sample"));
  }
}
