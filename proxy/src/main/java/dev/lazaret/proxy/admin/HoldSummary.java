package dev.lazaret.proxy.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.lazaret.proxy.quarantine.HoldRecord;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * One recorded hold as the holds list shows it.
 *
 * @param packageName the package
 * @param version     the version
 * @param state       where it stands now: a hold whose time has passed is {@code released}
 * @param risky       whether it was flagged for analysts
 * @param publisher   who published it, if known
 * @param publishedAt when, if known
 * @param until       when the hold ends (or ended)
 * @param firstHeldAt when Lazaret first recorded it
 * @param updatedAt   when the record last changed
 * @param signals     the ids of the signals that fired
 * @param reason      the verdict's first reason, if any
 */
public record HoldSummary(
    @JsonProperty("package") String packageName,
    String version,
    String state,
    boolean risky,
    String publisher,
    Instant publishedAt,
    Instant until,
    Instant firstHeldAt,
    Instant updatedAt,
    List<String> signals,
    String reason) {

  /** The summary of {@code record} as of {@code now}. */
  public static HoldSummary of(HoldRecord record, Instant now) {
    return new HoldSummary(record.packageName(), record.version(),
        record.stateAt(now).name().toLowerCase(Locale.ROOT), record.risky(), record.publisher(),
        record.publishedAt(), record.until(), record.firstHeldAt(), record.updatedAt(),
        record.signals().stream().filter(HoldRecord.Signal::fired).map(HoldRecord.Signal::id)
            .toList(),
        record.reasons().isEmpty() ? null : record.reasons().getFirst());
  }
}
