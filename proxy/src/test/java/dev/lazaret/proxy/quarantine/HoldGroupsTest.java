package dev.lazaret.proxy.quarantine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HoldGroupsTest {

  private static final Instant T0 = Instant.parse("2026-03-10T12:00:00Z");
  private static final Duration WINDOW = HoldGroups.DEFAULT_WINDOW;

  private static HoldRecord hold(String name, String publisher, int minutes, boolean risky) {
    Instant published = T0.plus(Duration.ofMinutes(minutes));
    return new HoldRecord(name, "1.0.0", publisher, published, "npm", HoldState.HELD, risky,
        published.plus(Duration.ofDays(1)), published.plusSeconds(30),
        published.plusSeconds(30), List.of("held"), List.of(), null, null);
  }

  private static List<String> names(HoldGroups.Group g) {
    return g.members().stream().map(HoldRecord::packageName).toList();
  }

  @Test
  void publishesWithinTheWindowChainIntoOneGroup() {
    // 0, 10, 20 and 30 minutes: each within 15 of the previous, though 30 is far from 0.
    List<HoldGroups.Group> groups = HoldGroups.of(List.of(hold("@nx/d", "nxbot", 30, false),
        hold("@nx/a", "nxbot", 0, true), hold("@nx/c", "nxbot", 20, false),
        hold("@nx/b", "nxbot", 10, true)), WINDOW);

    assertThat(groups).hasSize(1);
    HoldGroups.Group g = groups.getFirst();
    assertThat(names(g)).containsExactly("@nx/a", "@nx/b", "@nx/c", "@nx/d");
    assertThat(g.publisher()).isEqualTo("nxbot");
    assertThat(g.scope()).isEqualTo("@nx");
    assertThat(g.firstPublished()).isEqualTo(T0);
    assertThat(g.lastPublished()).isEqualTo(T0.plus(Duration.ofMinutes(30)));
    assertThat(g.risky()).isEqualTo(2);
  }

  @Test
  void aGapLongerThanTheWindowStartsANewGroupNewestFirst() {
    List<HoldGroups.Group> groups = HoldGroups.of(List.of(hold("@nx/a", "nxbot", 0, false),
        hold("@nx/b", "nxbot", 16, false)), WINDOW);

    assertThat(groups).extracting(HoldGroupsTest::names).containsExactly(List.of("@nx/b"),
        List.of("@nx/a"));
  }

  @Test
  void otherPublishersScopesAndUnknownPublishersAreSplit() {
    List<HoldGroups.Group> groups = HoldGroups.of(List.of(hold("@nx/a", "nxbot", 0, false),
        hold("@nx/b", "mallory", 1, false), hold("@other/c", "nxbot", 2, false),
        hold("plain-d", "nxbot", 3, false), hold("plain-e", "nxbot", 4, false),
        hold("anon-f", null, 5, false), hold("anon-g", null, 5, false)), WINDOW);

    assertThat(groups).extracting(HoldGroupsTest::names).containsExactlyInAnyOrder(
        List.of("@nx/a"), List.of("@nx/b"), List.of("@other/c"), List.of("plain-d", "plain-e"),
        List.of("anon-f"), List.of("anon-g"));
    assertThat(groups).extracting(HoldGroups.Group::id).doesNotHaveDuplicates();
  }

  @Test
  void idsAreStableAcrossOrderAndNewMembers() {
    HoldRecord a = hold("@nx/a", "nxbot", 0, false);
    HoldRecord b = hold("@nx/b", "nxbot", 5, false);
    String id = HoldGroups.of(List.of(a, b), WINDOW).getFirst().id();

    assertThat(HoldGroups.of(List.of(b, a), WINDOW).getFirst().id()).isEqualTo(id);
    // A later package of the same release joins the group without changing its id.
    assertThat(HoldGroups.of(List.of(a, b, hold("@nx/c", "nxbot", 9, false)), WINDOW)
        .getFirst().id()).isEqualTo(id).hasSize(16);
    assertThat(HoldGroups.of(List.of(hold("@nx/a", "other", 0, false)), WINDOW).getFirst().id())
        .isNotEqualTo(id);
  }

  @Test
  void anUnknownPublishTimeFallsBackToWhenItWasFirstHeld() {
    HoldRecord noTime = new HoldRecord("@nx/z", "1.0.0", "nxbot", null, "npm", HoldState.HELD,
        false, null, T0.plusSeconds(60), T0.plusSeconds(60), List.of(), List.of(), null, null);
    assertThat(HoldGroups.of(List.of(hold("@nx/a", "nxbot", 0, false), noTime), WINDOW))
        .hasSize(1);
  }
}
