package dev.lazaret.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What every {@link RemovedVersionLog} must do; subclasses supply a fresh, empty log per test. */
public abstract class RemovedVersionLogContract {

  protected static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  /** A fresh, empty log; the subclass opens it before each test and closes it after. */
  protected abstract RemovedVersionLog log();

  @Test
  void unknownPackageHasNoRemovals() {
    assertThat(log().forPackage("left-pad")).isEmpty();
  }

  @Test
  void removalsComeBackOldestFirstWhateverTheVersionOrder() {
    RemovedVersion newest = new RemovedVersion("evil", "1.0.0", T0.plusSeconds(30), "sha512-a");
    RemovedVersion oldest = new RemovedVersion("evil", "2.0.0", T0, "sha512-b");
    RemovedVersion middle = new RemovedVersion("evil", "10.0.0", T0.plusSeconds(10), null);
    log().record(newest);
    log().record(oldest);
    log().record(middle);
    assertThat(log().forPackage("evil")).containsExactly(oldest, middle, newest);
  }

  @Test
  void firstRecordOfAVersionWins() {
    RemovedVersion first = new RemovedVersion("pkg", "1.2.3", T0, "sha512-first");
    log().record(first);
    log().record(new RemovedVersion("pkg", "1.2.3", T0.plusSeconds(99), "sha512-second"));
    assertThat(log().forPackage("pkg")).containsExactly(first);
  }

  @Test
  void packagesSharingANamePrefixAreKeptApart() {
    RemovedVersion a = new RemovedVersion("a", "1.0.0", T0, null);
    RemovedVersion ab = new RemovedVersion("ab", "1.0.0", T0, null);
    RemovedVersion aDash = new RemovedVersion("a-b", "1.0.0", T0, null);
    RemovedVersion scoped = new RemovedVersion("@a/b", "1.0.0", T0, null);
    log().record(ab);
    log().record(a);
    log().record(aDash);
    log().record(scoped);
    assertThat(log().forPackage("a")).containsExactly(a);
    assertThat(log().forPackage("ab")).containsExactly(ab);
    assertThat(log().forPackage("a-b")).containsExactly(aDash);
    assertThat(log().forPackage("@a/b")).containsExactly(scoped);
  }

  @Test
  void recordsRoundTripExactly() {
    RemovedVersion removal = new RemovedVersion(
        "@scope/ünïcode", "1.0.0-beta.1+build", Instant.parse("2026-03-01T10:00:00.000000001Z"),
        "sha512-z4PhNX7vuL3xVChQ1m2AB9Yg5AULVxXcg/SpIdNs6c5H0NE8XYXysP+DGNKHfuwvY7kxvUdBeoGlODJ6+SfaPg==");
    log().record(removal);
    assertThat(log().forPackage("@scope/ünïcode")).containsExactly(removal);
  }
}
