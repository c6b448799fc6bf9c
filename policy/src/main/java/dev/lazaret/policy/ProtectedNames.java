package dev.lazaret.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Names that only one upstream may serve, to stop dependency confusion: a company's internal
 * names ({@code @acme/*}, {@code acme-*}) must never be taken from the public registry.
 */
public final class ProtectedNames {

  private static final ProtectedNames NONE = new ProtectedNames(List.of());

  private final List<Entry> entries;

  private record Entry(String pattern, Pattern regex, String upstream) {
  }

  private ProtectedNames(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  /** Nothing is protected. */
  public static ProtectedNames none() {
    return NONE;
  }

  /** A builder; patterns are checked in the order added. */
  public static Builder builder() {
    return new Builder();
  }

  /** The upstream that alone may serve {@code name}, if the name is protected. */
  public Optional<String> upstreamFor(String name) {
    return entries.stream().filter(e -> e.regex.matcher(name).matches())
        .map(Entry::upstream).findFirst();
  }

  /** Whether {@code name} is protected. */
  public boolean isProtected(String name) {
    return upstreamFor(name).isPresent();
  }

  /** Whether {@code upstream} may serve {@code name}: any upstream may serve unprotected names. */
  public boolean mayServe(String name, String upstream) {
    return upstreamFor(name).map(u -> u.equals(upstream)).orElse(true);
  }

  /** The block for {@code name} served by {@code upstream} although another owns it. */
  public Verdict.Block wrongUpstream(String name, String upstream) {
    String owner = upstreamFor(name).orElse("?");
    return new Verdict.Block(List.of("Protected name: " + name + " may only come from upstream '"
        + owner + "', but upstream '" + upstream + "' served it (possible dependency"
        + " confusion); no analyst decision can release it."));
  }

  /** Builds {@link ProtectedNames}, validating each pattern as it is added. */
  public static final class Builder {
    private final List<Entry> entries = new ArrayList<>();

    private Builder() {
    }

    /**
     * Protects names matching {@code pattern} for {@code upstream}. A pattern is a name where
     * {@code *} matches any run of characters, e.g. {@code @acme/*} or {@code acme-*}.
     */
    public Builder protect(String pattern, String upstream) {
      Objects.requireNonNull(pattern, "pattern");
      Objects.requireNonNull(upstream, "upstream");
      if (pattern.isBlank() || pattern.equals("*")) {
        throw new IllegalArgumentException(
            "protected name pattern must name something, got '" + pattern + "'");
      }
      StringBuilder regex = new StringBuilder();
      for (String part : pattern.split("\\*", -1)) {
        if (!regex.isEmpty()) {
          regex.append(".*");
        }
        regex.append(Pattern.quote(part));
      }
      entries.add(new Entry(pattern, Pattern.compile(regex.toString()), upstream));
      return this;
    }

    /** The matcher. */
    public ProtectedNames build() {
      return new ProtectedNames(entries);
    }
  }
}
