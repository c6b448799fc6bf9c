package dev.lazaret.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProtectedNamesTest {

  private final ProtectedNames names = ProtectedNames.builder()
      .protect("@acme/*", "internal").protect("acme-*", "internal").build();

  @Test
  void scopesAndPrefixesAreProtected() {
    assertThat(names.upstreamFor("@acme/billing")).contains("internal");
    assertThat(names.isProtected("acme-utils")).isTrue();
    assertThat(names.isProtected("@acmex/billing")).isFalse();
    assertThat(names.isProtected("lodash")).isFalse();
  }

  @Test
  void onlyTheOwningUpstreamMayServe() {
    assertThat(names.mayServe("@acme/billing", "internal")).isTrue();
    assertThat(names.mayServe("@acme/billing", "public")).isFalse();
    assertThat(names.mayServe("lodash", "public")).isTrue();
  }

  @Test
  void wrongUpstreamBlockSaysWhy() {
    assertThat(names.wrongUpstream("acme-utils", "public").reasons().get(0))
        .contains("'internal'").contains("'public'").contains("dependency confusion");
  }

  @Test
  void catchAllPatternIsRefused() {
    assertThatThrownBy(() -> ProtectedNames.builder().protect("*", "internal"))
        .hasMessageContaining("'*'");
  }
}
