package dev.lazaret.proxy.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.lazaret.proxy.quarantine.HoldRecord;
import java.time.Instant;
import java.util.List;

/**
 * Why one version is served, held or blocked, in full: what an analyst reads before deciding.
 *
 * @param packageName the package
 * @param version     the version
 * @param verdict     {@code allow}, {@code hold} or {@code block}, as the policy judges it now
 * @param until       when the hold ends, for held versions (else when it ended, if recorded)
 * @param risky       whether the version was flagged for analysts
 * @param reasons     the verdict's reasons, in order
 * @param signals     every signal evaluated, fired or not, with its value and sentence
 * @param publisher   who published the version and what is known about the account, if known
 * @param hold        the recorded hold, if the version was ever held or blocked
 * @param decision    the analyst decision, if any
 * @param diff        what changed since the previous allowed version
 */
public record Explanation(
    @JsonProperty("package") String packageName,
    String version,
    String verdict,
    Instant until,
    boolean risky,
    List<String> reasons,
    List<HoldRecord.Signal> signals,
    Publisher publisher,
    HoldSummary hold,
    HoldRecord.Decision decision,
    VersionDiff diff) {

  /**
   * The publishing account and its history.
   *
   * @param name               the account ({@code _npmUser.name})
   * @param firstSeenAnywhere  its earliest known activity, if known
   * @param packagesMaintained how many packages it maintains, if searched
   * @param knownSince         when Lazaret first saw it, if it has
   */
  public record Publisher(String name, Instant firstSeenAnywhere, Integer packagesMaintained,
      Instant knownSince) {
  }
}
