package dev.lazaret.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@link PackumentStore} must do; subclasses supply a fresh, empty store per test. */
public abstract class PackumentStoreContract {

  protected static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123456789Z");

  /** A fresh, empty store; the subclass opens it before each test and closes it after. */
  protected abstract PackumentStore store();

  protected static CachedPackument packument(String json, String etag, Instant fetchedAt) {
    return new CachedPackument(json.getBytes(StandardCharsets.UTF_8), etag,
        "Sun, 01 Mar 2026 10:00:00 GMT", fetchedAt);
  }

  protected static void assertSame(Optional<CachedPackument> actual, CachedPackument expected) {
    assertThat(actual).hasValueSatisfying(p -> {
      assertThat(p.json()).isEqualTo(expected.json());
      assertThat(p.etag()).isEqualTo(expected.etag());
      assertThat(p.lastModified()).isEqualTo(expected.lastModified());
      assertThat(p.fetchedAt()).isEqualTo(expected.fetchedAt());
    });
  }

  @Test
  void missingPackumentIsEmpty() {
    assertThat(store().get("left-pad")).isEmpty();
  }

  @Test
  void putThenGetRoundTripsBodyAndValidators() {
    CachedPackument lodash = packument("{\"name\":\"lodash\"}", "W/\"abc\"", T0);
    store().put("lodash", lodash);
    assertSame(store().get("lodash"), lodash);
  }

  @Test
  void absentValidatorsRoundTripAsNull() {
    CachedPackument bare = new CachedPackument(new byte[] {'{', '}'}, null, null, T0);
    store().put("bare", bare);
    assertSame(store().get("bare"), bare);
  }

  @Test
  void scopedAndUnicodeNamesAreDistinctKeys() {
    CachedPackument scoped = packument("{\"s\":1}", "a", T0);
    CachedPackument plain = packument("{\"p\":1}", "b", T0);
    CachedPackument unicode = packument("{\"u\":1}", "c", T0);
    store().put("@types/node", scoped);
    store().put("node", plain);
    store().put("nöde", unicode);
    assertSame(store().get("@types/node"), scoped);
    assertSame(store().get("node"), plain);
    assertSame(store().get("nöde"), unicode);
  }

  @Test
  void putReplacesBodyAndValidatorsTogether() {
    store().put("react", packument("{\"v\":1}", "one", T0));
    CachedPackument second = packument("{\"v\":2}", "two", T0.plusSeconds(60));
    store().put("react", second);
    assertSame(store().get("react"), second);
  }

  @Test
  void markRevalidatedKeepsBodyAndValidatorsAndMovesFetchedAt() {
    CachedPackument original = packument("{\"name\":\"express\"}", "\"e1\"", T0);
    store().put("express", original);
    Instant later = T0.plusSeconds(300);
    store().markRevalidated("express", later);
    assertSame(store().get("express"), original.revalidatedAt(later));
  }

  @Test
  void markRevalidatedOfMissingPackumentDoesNothing() {
    store().markRevalidated("ghost", T0);
    assertThat(store().get("ghost")).isEmpty();
  }

  @Test
  void deleteRemovesOnlyThatPackument() {
    CachedPackument kept = packument("{}", "k", T0);
    store().put("gone", packument("{}", "g", T0));
    store().put("kept", kept);
    store().delete("gone");
    assertThat(store().get("gone")).isEmpty();
    assertSame(store().get("kept"), kept);
  }

  @Test
  void deleteOfMissingPackumentDoesNothing() {
    store().delete("never-stored");
    assertThat(store().get("never-stored")).isEmpty();
  }

  @Test
  void multiMebibyteBodyRoundTrips() {
    byte[] big = new byte[3 << 20];
    for (int i = 0; i < big.length; i++) {
      big[i] = (byte) ('a' + i % 26);
    }
    CachedPackument huge = new CachedPackument(big, "big", null, T0);
    store().put("huge", huge);
    assertSame(store().get("huge"), huge);
  }
}
