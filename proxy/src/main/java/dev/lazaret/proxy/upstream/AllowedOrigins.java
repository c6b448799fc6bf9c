package dev.lazaret.proxy.upstream;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The origins one upstream's requests may go to: its own (scheme, host and port of its base
 * URL) and those the operator lists for it ({@code upstream-tarball-origins}, or
 * {@code tarball-origins} of an {@code upstreams:} entry). A packument can name any URL as a
 * tarball, and an upstream can redirect anywhere; without this check either would make Lazaret
 * fetch from internal services (SSRF) and cache their answers.
 */
public final class AllowedOrigins {

  private final String upstream;
  private final Set<Origin> allowed;
  private final String howToAllow;

  private AllowedOrigins(String upstream, Set<Origin> allowed, String howToAllow) {
    this.upstream = upstream;
    this.allowed = Set.copyOf(allowed);
    this.howToAllow = howToAllow;
  }

  /**
   * The origins of the upstream {@code upstream} at {@code base}.
   *
   * @param extra      further origins the operator allows (CDNs serving its tarballs)
   * @param howToAllow what refusals tell the operator to do, e.g.
   *                   {@code add it to upstream-tarball-origins}
   */
  public static AllowedOrigins of(String upstream, URI base, List<Origin> extra,
      String howToAllow) {
    Set<Origin> allowed = new LinkedHashSet<>();
    allowed.add(Origin.of(base).orElseThrow(() ->
        new IllegalArgumentException("upstream base is not an http(s) URL: " + base.getHost())));
    allowed.addAll(extra);
    return new AllowedOrigins(upstream, allowed, howToAllow);
  }

  /** Only the base URL's own origin. */
  public static AllowedOrigins ownOnly(String upstream, URI base) {
    return of(upstream, base, List.of(), "add it to upstream-tarball-origins");
  }

  /** Every allowed origin. */
  public Set<Origin> origins() {
    return allowed;
  }

  /** Whether {@code url} may be requested. */
  public boolean allows(URI url) {
    return Origin.of(url).map(allowed::contains).orElse(false);
  }

  /**
   * Checks a URL taken from a packument (a tarball) before anything is sent to it.
   *
   * @param what what it is, for the message: {@code tarball}
   */
  void checkUrl(URI url, String what) throws RefusedOriginException {
    if (!allows(url)) {
      String shown = shown(url);
      throw RefusedOriginException.url(shown, "refused to fetch " + what + " from " + shown
          + ": " + reason());
    }
  }

  /** Checks where a redirect (for {@code what}) points before following it. */
  void checkRedirect(URI target, String what) throws RefusedOriginException {
    if (!allows(target)) {
      String shown = shown(target);
      throw RefusedOriginException.redirect(shown, "refused to follow a redirect for " + what
          + " to " + shown + ": " + reason());
    }
  }

  private String reason() {
    return "not an allowed origin of upstream '" + upstream + "' (" + howToAllow + ")";
  }

  /** The origin if there is one; never the whole URL, which may carry credentials. */
  private static String shown(URI url) {
    Optional<Origin> origin = Origin.of(url);
    if (origin.isPresent()) {
      return origin.get().toString();
    }
    return url.getScheme() == null ? "a relative URL" : "a " + url.getScheme() + ": URL";
  }
}
