package dev.lazaret.proxy.quarantine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Groups held versions that belong to one release, so an analyst can decide a monorepo's 92
 * packages in one action: same publisher, same scope (unscoped packages: same publisher only),
 * each published within {@code window} of the previous one (chained). Holds whose publisher is
 * unknown are never grouped with others: nothing says they belong together.
 */
public final class HoldGroups {

  /** The default window between two publishes of one release. */
  public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(15);

  private static final Comparator<HoldRecord> BY_PUBLISH =
      Comparator.comparing(HoldGroups::publishTime)
          .thenComparing(HoldRecord::packageName).thenComparing(HoldRecord::version);

  private HoldGroups() {
  }

  /**
   * One release's held versions.
   *
   * @param id        stable: a hash of publisher, scope and the earliest publish time
   * @param publisher who published them, or {@code null} for an unknown publisher's one hold
   * @param scope     their scope ({@code @acme}), or {@code null} if unscoped
   * @param members   the holds, oldest publish first
   */
  public record Group(String id, String publisher, String scope, List<HoldRecord> members) {

    /** Copies the members. */
    public Group {
      members = List.copyOf(members);
    }

    /** The earliest member's publish time. */
    public Instant firstPublished() {
      return publishTime(members.getFirst());
    }

    /** The latest member's publish time. */
    public Instant lastPublished() {
      return publishTime(members.getLast());
    }

    /** How many members were judged risky. */
    public long risky() {
      return members.stream().filter(HoldRecord::risky).count();
    }
  }

  /**
   * The groups of {@code holds} (callers pass the held ones), each member in exactly one group,
   * newest group (by its last publish) first.
   */
  public static List<Group> of(List<HoldRecord> holds, Duration window) {
    Map<List<String>, List<HoldRecord>> byRelease = new LinkedHashMap<>();
    for (HoldRecord h : holds.stream().sorted(BY_PUBLISH).toList()) {
      // An unknown publisher's hold is its own group: its key names the version.
      List<String> key = h.publisher() == null
          ? List.of("", h.packageName(), h.version())
          : Arrays.asList(h.publisher(), scopeOf(h.packageName()));
      byRelease.computeIfAbsent(key, k -> new ArrayList<>()).add(h);
    }
    List<Group> groups = new ArrayList<>();
    byRelease.forEach((key, members) -> {
      List<HoldRecord> run = new ArrayList<>();
      for (HoldRecord h : members) {
        if (!run.isEmpty()
            && Duration.between(publishTime(run.getLast()), publishTime(h)).compareTo(window) > 0) {
          groups.add(group(run));
          run = new ArrayList<>();
        }
        run.add(h);
      }
      groups.add(group(run));
    });
    groups.sort(Comparator.comparing(Group::lastPublished).reversed()
        .thenComparing(Group::id));
    return groups;
  }

  /** The scope of {@code packageName} ({@code @acme} of {@code @acme/ui}), or {@code null}. */
  static String scopeOf(String packageName) {
    int slash = packageName.indexOf('/');
    return packageName.startsWith("@") && slash > 0 ? packageName.substring(0, slash) : null;
  }

  /** When {@code h} was published, or, if that is unknown, when it was first held. */
  static Instant publishTime(HoldRecord h) {
    return Objects.requireNonNullElse(h.publishedAt(), h.firstHeldAt());
  }

  private static Group group(List<HoldRecord> members) {
    HoldRecord first = members.getFirst();
    String scope = scopeOf(first.packageName());
    String identity = first.publisher() == null
        ? "\n" + first.packageName() + "\n" + first.version()
        : first.publisher() + "\n" + Objects.requireNonNullElse(scope, "");
    return new Group(hash(identity + "\n" + publishTime(first)), first.publisher(), scope,
        members);
  }

  private static String hash(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
