package dev.lazaret.proxy.config;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the quarantine state lives and what this node is called among several.
 *
 * @param state         {@link Optional#empty()} for the embedded state (RocksDB in the data
 *                      directory), else the PostgreSQL URL ({@code postgresql://USER[:PASSWORD]
 *                      @HOST:PORT/DB})
 * @param statePassword the database password when the URL does not carry one
 * @param nodeName      this node's name in logs, metrics and audit entries
 */
public record ClusterSettings(Optional<URI> state, Optional<String> statePassword,
    String nodeName) {

  /** The value of {@code state} that keeps the state in the data directory. */
  public static final String EMBEDDED = "embedded";

  /** Node names: what a log line, a metric label and an audit entry can all carry plainly. */
  private static final Pattern NODE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

  /** Validates the values. */
  public ClusterSettings {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(statePassword, "statePassword");
    Objects.requireNonNull(nodeName, "nodeName");
  }

  /** The embedded state, named after this host. */
  public static ClusterSettings defaults() {
    return new ClusterSettings(Optional.empty(), Optional.empty(), hostName());
  }

  /** Whether the state is the embedded one. */
  public boolean embedded() {
    return state.isEmpty();
  }

  /** A copy keeping the state in the PostgreSQL database at {@code url}. */
  public ClusterSettings withState(URI url, String password) {
    return new ClusterSettings(Optional.of(url), Optional.ofNullable(password), nodeName);
  }

  /** A copy with another node name. */
  public ClusterSettings withNodeName(String name) {
    return new ClusterSettings(state, statePassword, name);
  }

  /** Parses {@code state}: {@code embedded} or a PostgreSQL URL with a host and a database. */
  static Optional<URI> parseState(String text) throws ConfigException {
    String s = text.strip();
    if (s.equalsIgnoreCase(EMBEDDED)) {
      return Optional.empty();
    }
    URI url;
    try {
      url = new URI(s);
    } catch (java.net.URISyntaxException e) {
      throw new ConfigException("not 'embedded' or a URL: " + e.getReason());
    }
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("postgresql") && !scheme.equals("postgres")) {
      throw new ConfigException("must be 'embedded' or postgresql://USER:PASSWORD@HOST:PORT/DB");
    }
    if (url.getHost() == null || url.getHost().isEmpty()) {
      throw new ConfigException("names no host: postgresql://USER:PASSWORD@HOST:PORT/DB");
    }
    String path = url.getPath() == null ? "" : url.getPath();
    if (path.length() < 2 || path.indexOf('/', 1) >= 0) {
      throw new ConfigException("names no database: postgresql://USER:PASSWORD@HOST:PORT/DB");
    }
    if (url.getUserInfo() == null || url.getUserInfo().isEmpty()) {
      throw new ConfigException("names no user: postgresql://USER:PASSWORD@HOST:PORT/DB");
    }
    return Optional.of(url);
  }

  /** Parses a node name: letters, digits, '.', '_' and '-', at most 63 characters. */
  static String parseNodeName(String text) throws ConfigException {
    String s = text.strip();
    if (!NODE_NAME.matcher(s).matches()) {
      throw new ConfigException("must be 1-63 letters, digits, '.', '_' or '-',"
          + " starting with a letter or digit");
    }
    return s;
  }

  /** This host's name, or {@code lazaret} when it has none a node name could carry. */
  static String hostName() {
    String fromEnv = System.getenv("HOSTNAME");
    String name;
    try {
      name = fromEnv != null && !fromEnv.isBlank() ? fromEnv
          : InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      name = "lazaret";
    }
    int dot = name.indexOf('.');
    String shortName = dot > 0 ? name.substring(0, dot) : name;
    return NODE_NAME.matcher(shortName).matches() ? shortName : "lazaret";
  }
}
