package dev.lazaret.proxy.upstream;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * URLs as people may see them (logs, error messages, command output): the user-info part, where
 * registries put credentials ({@code https://user:token@host/}), is masked. Everything printed
 * that holds an operator-given URL goes through here, so a password never reaches a log line.
 */
public final class PrintableUrl {

  /** What replaces a secret. */
  static final String MASK = "***";

  // scheme "://" user-info "@": user-info cannot hold '/', '?', '#' or '@' (they are escaped).
  private static final Pattern USER_INFO =
      Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)([^/?#@\\s'\"]*)@");

  private PrintableUrl() {
  }

  /** {@code url} with any user-info masked. */
  public static String of(URI url) {
    return url == null ? "null" : in(url.toString());
  }

  /**
   * {@code text} with the user-info of every URL in it masked: {@code user:secret@} becomes
   * {@code user:***@}, and a lone {@code token@} (often itself the secret) {@code ***@}.
   */
  public static String in(String text) {
    if (text == null || text.indexOf('@') < 0 || !text.contains("://")) { // most texts: fast
      return text;
    }
    Matcher m = USER_INFO.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    while (m.find()) {
      String userInfo = m.group(2);
      int colon = userInfo.indexOf(':');
      String masked = colon < 0 ? MASK : userInfo.substring(0, colon) + ":" + MASK;
      m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + masked + "@"));
    }
    m.appendTail(out);
    return out.toString();
  }
}
