package dev.lazaret.proxy.console;

import dev.lazaret.proxy.admin.AdminRequest;
import dev.lazaret.proxy.admin.AdminResponse;
import dev.lazaret.proxy.admin.AdminRoutes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Serves the analyst console (static HTML, CSS and JavaScript bundled under {@code console/} in
 * the jar) on the admin listener: {@code /} is the page, {@code /console/NAME} its assets. The
 * files hold no secrets, so they need no token; every API call the page makes does.
 */
public final class ConsoleFiles {

  /** The console's page. */
  public static final String PAGE = "/";
  /** Where its assets live. */
  public static final String ASSETS = "/console/";

  private static final String RESOURCES = "console/";
  /** Flat file names only: no directories, so no {@code ..} can ever reach another resource. */
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*\\.(html|css|js|svg)");
  private static final Map<String, String> TYPES = Map.of(
      "html", "text/html; charset=utf-8",
      "css", "text/css; charset=utf-8",
      "js", "text/javascript; charset=utf-8",
      "svg", "image/svg+xml");
  /**
   * The page loads only its own files and talks only to its own origin; no inline script or
   * style, no framing (clickjacking a decision button), no base-tag or form tricks.
   */
  static final Map<String, String> HEADERS = Map.of(
      "Content-Security-Policy",
      "default-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
      "Cache-Control", "no-cache",
      "X-Content-Type-Options", "nosniff",
      "Referrer-Policy", "no-referrer",
      "X-Frame-Options", "DENY");

  private final ClassLoader loader;
  /** Files found so far; misses are not kept, so odd requests cannot grow this. */
  private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

  /** Console files from this class's class loader (the jar). */
  public ConsoleFiles() {
    this(ConsoleFiles.class.getClassLoader());
  }

  ConsoleFiles(ClassLoader loader) {
    this.loader = loader;
  }

  /** Routes {@code GET /} and {@code GET /console/*} on {@code routes}. */
  public void register(AdminRoutes routes) {
    routes.get(PAGE, r -> file("index.html"))
        .addPrefix("GET", ASSETS, this::asset);
  }

  private AdminResponse asset(AdminRequest request) {
    String name = request.path().substring(ASSETS.length());
    return NAME.matcher(name).matches() ? file(name) : AdminResponse.error(404, "not found");
  }

  /** The bundled file {@code name} with its type and the console's headers, or a 404. */
  AdminResponse file(String name) {
    byte[] body = cache.get(name);
    if (body == null) {
      Optional<byte[]> loaded = load(name);
      if (loaded.isEmpty()) {
        return AdminResponse.error(404, "not found");
      }
      body = loaded.get();
      cache.put(name, body);
    }
    String extension = name.substring(name.lastIndexOf('.') + 1);
    return new AdminResponse(200, TYPES.get(extension), body, HEADERS);
  }

  private Optional<byte[]> load(String name) {
    try (InputStream in = loader.getResourceAsStream(RESOURCES + name)) {
      return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the console file " + name, e);
    }
  }
}
