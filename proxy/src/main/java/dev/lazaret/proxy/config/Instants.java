package dev.lazaret.proxy.config;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Parses operator-written points in time: {@code 2027-06-30T00:00:00Z} or {@code 2027-06-30}. */
public final class Instants {

  private Instants() {
  }

  /**
   * Parses an ISO-8601 date-time with an offset ({@code Z}, {@code +02:00}), or a date, which
   * means its first instant in UTC: a rule "until 2027-06-30" has ended when that day starts.
   */
  public static Instant parse(String text) throws ConfigException {
    String s = text.strip();
    try {
      return s.contains("T") ? OffsetDateTime.parse(s).toInstant()
          : LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException e) {
      throw new ConfigException("expected a date like 2027-06-30 or a time like"
          + " 2027-06-30T12:00:00Z");
    }
  }
}
