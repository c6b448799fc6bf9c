package dev.lazaret.proxy.upstream;

import java.util.List;
import java.util.Locale;

/**
 * One advisory from the upstream's bulk advisory endpoint, as {@code npm audit} reads it.
 *
 * <p><b>Which advisories are malware.</b> The registry serves GitHub's advisory database; GitHub
 * files malicious packages as malware advisories, which carry CWE-506 ("Embedded Malicious Code")
 * and are titled {@code "Malware in <package>"}. Either mark makes an advisory malware here (the
 * title alone covers registries that leave {@code cwe} empty). Everything else is an ordinary
 * vulnerability: a reason to upgrade, not to keep a version away from everyone, so the
 * known-malware signal ignores it.
 *
 * @param id                 the advisory's id, as text (the registry sends a number)
 * @param url                where the advisory is described, or empty
 * @param title              e.g. {@code "Malware in evil-pkg"}
 * @param severity           e.g. {@code "critical"}, or empty
 * @param vulnerableVersions the npm range of affected versions, e.g. {@code ">=0"}; empty if the
 *                           advisory named none
 * @param cwe                the CWE ids, e.g. {@code ["CWE-506"]}
 */
public record Advisory(String id, String url, String title, String severity,
    String vulnerableVersions, List<String> cwe) {

  /** CWE-506, Embedded Malicious Code: what GitHub's malware advisories are filed under. */
  public static final String MALICIOUS_CODE_CWE = "CWE-506";

  private static final String MALWARE_TITLE_PREFIX = "malware in ";

  /** Copies the list. */
  public Advisory {
    cwe = List.copyOf(cwe);
  }

  /** Whether this advisory reports malware rather than an ordinary vulnerability. */
  public boolean isMalware() {
    return cwe.stream().anyMatch(MALICIOUS_CODE_CWE::equalsIgnoreCase)
        || title.toLowerCase(Locale.ROOT).startsWith(MALWARE_TITLE_PREFIX);
  }
}
