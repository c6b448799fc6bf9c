package dev.lazaret.proxy.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazaret.proxy.admin.auth.Caller;
import dev.lazaret.proxy.admin.auth.FailureLimiter;
import dev.lazaret.proxy.admin.auth.TokenBook;
import dev.lazaret.proxy.config.AdminToken;
import dev.lazaret.proxy.config.Role;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tokens known by hash only, roles ordered, failures counted per address. */
class TokenBookTest {

  private final TokenBook book = new TokenBook(List.of(
      AdminToken.ofSecret("ann", Role.ANALYST, "first"),
      AdminToken.ofSecret("vera", Role.VIEWER, "second")));

  @Test
  void identifiesTheTokenByItsSecret() {
    assertThat(book.identify("first")).contains(new Caller("ann", Role.ANALYST));
    assertThat(book.identify("second")).contains(new Caller("vera", Role.VIEWER));
    assertThat(book.identify("First")).isEmpty();
    assertThat(book.identify("")).isEmpty();
    assertThat(book.isEmpty()).isFalse();
    assertThat(new TokenBook(List.of()).identify("first")).isEmpty();
  }

  @Test
  void rolesCoverTheRolesBelowThem() {
    assertThat(Role.ADMIN.covers(Role.ANALYST)).isTrue();
    assertThat(Role.ANALYST.covers(Role.ANALYST)).isTrue();
    assertThat(Role.VIEWER.covers(Role.ANALYST)).isFalse();
    assertThat(Role.parse(" Analyst ")).contains(Role.ANALYST);
    assertThat(Role.parse("root")).isEmpty();
  }

  @Test
  void anAddressIsBlockedAfterTooManyFailuresAndOthersAreNot() {
    FailureLimiter limiter = new FailureLimiter();
    for (int i = 1; i < FailureLimiter.MAX_FAILURES; i++) {
      assertThat(limiter.failed("10.0.0.1")).isFalse();
      assertThat(limiter.blocked("10.0.0.1")).isFalse();
    }
    assertThat(limiter.failed("10.0.0.1")).isTrue();
    assertThat(limiter.blocked("10.0.0.1")).isTrue();
    assertThat(limiter.blocked("10.0.0.2")).isFalse();
  }
}
