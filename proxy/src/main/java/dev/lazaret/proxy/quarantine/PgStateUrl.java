package dev.lazaret.proxy.quarantine;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Where the state database is, from the {@code state} setting: a PostgreSQL URI
 * ({@code postgresql://USER:PASSWORD@HOST:PORT/DB?PARAMS} or {@code postgres://...}, user and
 * password percent-encoded as libpq expects) turned into a JDBC URL and credentials, or a
 * {@code jdbc:postgresql://} URL taken as given. The password comes from the URL, else from the
 * separate setting. {@link #masked()} is what messages and logs show: never the password.
 *
 * @param jdbcUrl  the driver's URL, without the user and password of a PostgreSQL URI
 * @param user     the user, or {@code null} to leave it to the URL or the driver
 * @param password the password, or {@code null}
 * @param masked   the URL as given, its password replaced by {@code ***}
 */
record PgStateUrl(String jdbcUrl, String user, String password, String masked) {

  private static final String JDBC_PREFIX = "jdbc:postgresql://";
  private static final int DEFAULT_PORT = 5432;
  private static final Pattern PASSWORD_PARAM =
      Pattern.compile("([?&]password=)[^&#]*", Pattern.CASE_INSENSITIVE);

  /** Hides the password; the rest is useful in a message. */
  @Override
  public String toString() {
    return masked;
  }

  /**
   * Parses {@code url}; {@code passwordOrNull} is used when the URL has no password.
   *
   * @throws IllegalArgumentException naming the (masked) URL and what is wrong with it
   */
  static PgStateUrl parse(String url, String passwordOrNull) {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("the state database URL is empty");
    }
    String masked = mask(url);
    if (url.startsWith(JDBC_PREFIX)) {
      boolean hasPassword = PASSWORD_PARAM.matcher(url).find();
      return new PgStateUrl(url, null, hasPassword ? null : passwordOrNull, masked);
    }
    String rest;
    if (url.startsWith("postgresql://")) {
      rest = url.substring("postgresql://".length());
    } else if (url.startsWith("postgres://")) {
      rest = url.substring("postgres://".length());
    } else {
      throw new IllegalArgumentException("the state database URL " + masked + " is not of the"
          + " form postgresql://USER:PASSWORD@HOST:PORT/DB");
    }
    int at = userInfoEnd(rest);
    String user = null;
    String password = null;
    if (at >= 0) {
      String userInfo = rest.substring(0, at);
      int colon = userInfo.indexOf(':');
      user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon), masked, "user");
      password = colon < 0 ? null : decode(userInfo.substring(colon + 1), masked, "password");
      rest = rest.substring(at + 1);
    }
    int slash = rest.indexOf('/');
    if (slash < 0 || slash == rest.length() - 1 || rest.charAt(slash + 1) == '?') {
      throw new IllegalArgumentException("the state database URL " + masked
          + " names no database: end it with /DB");
    }
    String hostPort = rest.substring(0, slash);
    String databaseAndParams = rest.substring(slash + 1);
    String host;
    String port;
    if (hostPort.startsWith("[")) {
      int close = hostPort.indexOf(']');
      if (close < 0) {
        throw new IllegalArgumentException("the state database URL " + masked
            + " has an unclosed [ in its host");
      }
      host = hostPort.substring(0, close + 1);
      port = hostPort.length() > close + 1 && hostPort.charAt(close + 1) == ':'
          ? hostPort.substring(close + 2) : "";
    } else {
      int colon = hostPort.lastIndexOf(':');
      host = colon < 0 ? hostPort : hostPort.substring(0, colon);
      port = colon < 0 ? "" : hostPort.substring(colon + 1);
    }
    if (host.isEmpty()) {
      throw new IllegalArgumentException("the state database URL " + masked + " names no host");
    }
    int portNumber = port(port, masked);
    String jdbc = JDBC_PREFIX + host + ":" + portNumber + "/" + databaseAndParams;
    return new PgStateUrl(jdbc, user, password != null ? password : passwordOrNull, masked);
  }

  /** {@code url} with its password (in the user info, or a password parameter) as {@code ***}. */
  static String mask(String url) {
    String masked = PASSWORD_PARAM.matcher(url).replaceAll("$1***");
    int scheme = masked.indexOf("://");
    if (scheme < 0) {
      return masked;
    }
    String rest = masked.substring(scheme + 3);
    int at = userInfoEnd(rest);
    if (at < 0) {
      return masked;
    }
    int colon = rest.indexOf(':');
    if (colon < 0 || colon > at) {
      return masked;
    }
    return masked.substring(0, scheme + 3) + rest.substring(0, colon + 1) + "***"
        + rest.substring(at);
  }

  /**
   * Where the user info ends (its {@code @}), or -1: the last {@code @} before the path, so that
   * an unencoded {@code @} in a password is still taken as part of it (and masked).
   */
  private static int userInfoEnd(String afterScheme) {
    int query = afterScheme.indexOf('?');
    String authorityAndPath = query < 0 ? afterScheme : afterScheme.substring(0, query);
    return authorityAndPath.lastIndexOf('@');
  }

  private static int port(String port, String masked) {
    if (port.isEmpty()) {
      return DEFAULT_PORT;
    }
    try {
      int n = Integer.parseInt(port);
      if (n >= 1 && n <= 65_535) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("the state database URL " + masked + " has port '" + port
        + "': it must be a number from 1 to 65535");
  }

  /** Percent-decodes a URI part as UTF-8 (no {@code +} for space: this is not a form). */
  private static String decode(String s, String masked, String what) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
    int i = 0;
    while (i < s.length()) {
      int percent = s.indexOf('%', i);
      if (percent < 0) {
        percent = s.length();
      }
      out.writeBytes(s.substring(i, percent).getBytes(StandardCharsets.UTF_8));
      if (percent == s.length()) {
        break;
      }
      if (percent + 2 >= s.length() || !HexFormat.isHexDigit(s.charAt(percent + 1))
          || !HexFormat.isHexDigit(s.charAt(percent + 2))) {
        throw new IllegalArgumentException("the state database URL " + masked + " has a bad"
            + " percent-encoding in its " + what + ": write % as %25");
      }
      out.write(HexFormat.fromHexDigits(s, percent + 1, percent + 3));
      i = percent + 3;
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
