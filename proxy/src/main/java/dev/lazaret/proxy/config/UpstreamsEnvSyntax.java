package dev.lazaret.proxy.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads routed upstreams from one environment variable, for containers that have no config
 * file: {@code NAME|URL|PATTERN,PATTERN;NAME|URL|PATTERN|ORIGIN,ORIGIN}. No name, pattern or
 * origin can contain {@code |}, {@code ;} or {@code ,}, and no URL can contain {@code |}, so an
 * entry is read as name up to the first {@code |}, URL up to the second, patterns up to the next
 * {@code |} or {@code ;}, and the optional tarball origins up to the next {@code ;}: a URL may
 * hold {@code ;} and {@code ,} (but then its entry cannot list origins: that would read the same
 * as an entry that lost its patterns).
 */
final class UpstreamsEnvSyntax {

  /** How an entry is written, for messages and help. */
  static final String FORM =
      "NAME|URL|PATTERN,PATTERN[|TARBALL-ORIGIN,...] (entries separated by ';')";

  private UpstreamsEnvSyntax() {
  }

  /** The routes in the variable {@code variable} whose value is {@code text}, checked. */
  static List<UpstreamRoute> parse(String variable, String text) throws ConfigException {
    List<UpstreamRoutes.Draft> drafts = new ArrayList<>();
    int start = 0;
    while (start < text.length()) {
      int firstBar = text.indexOf('|', start);
      int secondBar = firstBar < 0 ? -1 : text.indexOf('|', firstBar + 1);
      int end = text.indexOf(';', secondBar < 0 ? start : secondBar + 1);
      end = end < 0 ? text.length() : end;
      String entryText = text.substring(start, end);
      String where = variable + " entry " + (drafts.size() + 1);
      if (!entryText.isBlank()) {
        int thirdBar = text.indexOf('|', secondBar + 1);
        int patternsEnd = thirdBar < 0 || thirdBar > end ? end : thirdBar;
        // A fourth '|', or a third after a URL holding ';', means an entry before it lacked
        // one: its patterns ran into the next entry.
        boolean ranOn = secondBar >= 0 && patternsEnd < end
            && text.substring(firstBar, secondBar).indexOf(';') >= 0;
        if (secondBar < 0 || ranOn || entryText.chars().filter(c -> c == '|').count() > 3) {
          throw new Located(entryText.strip(), where).fail("expected " + FORM);
        }
        drafts.add(new UpstreamRoutes.Draft("entry " + (drafts.size() + 1),
            new Located(text.substring(start, firstBar).strip(), where + " name"),
            new Located(text.substring(firstBar + 1, secondBar).strip(), where + " url"),
            patterns(text.substring(secondBar + 1, patternsEnd), where + " packages"),
            origins(patternsEnd == end ? "" : text.substring(patternsEnd + 1, end),
                where + " tarball origins")));
      }
      start = end + 1;
    }
    return UpstreamRoutes.build(drafts);
  }

  private static List<Located> origins(String text, String where) {
    List<Located> origins = new ArrayList<>();
    for (String origin : text.split(",", -1)) {
      if (!origin.isBlank()) {
        origins.add(new Located(origin.strip(), where));
      }
    }
    return origins;
  }

  private static List<Located> patterns(String text, String where) throws ConfigException {
    List<Located> patterns = new ArrayList<>();
    for (String pattern : text.split(",", -1)) {
      if (!pattern.isBlank()) {
        patterns.add(new Located(pattern.strip(), where));
      }
    }
    if (patterns.isEmpty()) {
      throw new Located(text.strip(), where).fail("expected name patterns separated by ',',"
          + " such as @acme/*,acme-*");
    }
    return patterns;
  }
}
