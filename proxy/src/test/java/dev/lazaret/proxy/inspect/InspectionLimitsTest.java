package dev.lazaret.proxy.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Inspection limits follow the heap: a small heap keeps less text per tarball. */
class InspectionLimitsTest {

  @Test
  void aSmallHeapKeepsHalfTheTextAndABigOneTheDefaults() {
    InspectionLimits small = InspectionLimits.forHeap(160L << 20);
    assertThat(small.maxTextTotal()).isEqualTo(4L << 20);
    assertThat(small.maxRunTextBytes()).isEqualTo(4 << 20);
    assertThat(small.maxEntries()).isEqualTo(InspectionLimits.defaults().maxEntries());
    assertThat(InspectionLimits.forHeap(1L << 30)).isEqualTo(InspectionLimits.defaults());
  }
}
