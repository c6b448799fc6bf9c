package dev.lazaret.proxy.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestIdsTest {

  @Test
  void plainClientIdsAreKept() {
    assertThat(RequestIds.accept("abc-123")).isEqualTo("abc-123");
    assertThat(RequestIds.accept("0f8fad5b-d9cb-469f-a165-70867728950e"))
        .isEqualTo("0f8fad5b-d9cb-469f-a165-70867728950e");
    assertThat(RequestIds.accept("a".repeat(RequestIds.MAX_LENGTH))).hasSize(64);
  }

  @Test
  void unsafeOrOversizedIdsAreReplaced() {
    for (String bad : new String[] {null, "", "has space", "quote\"", "new\nline", "ünï",
        "x".repeat(RequestIds.MAX_LENGTH + 1), "<script>"}) {
      String id = RequestIds.accept(bad);
      assertThat(id).as("for %s", bad).isNotEqualTo(bad).matches("[0-9a-z]{12}");
    }
  }

  @Test
  void generatedIdsAreShortAndDistinct() {
    assertThat(RequestIds.generate()).matches("[0-9a-z]{12}").isNotEqualTo(RequestIds.generate());
  }
}
