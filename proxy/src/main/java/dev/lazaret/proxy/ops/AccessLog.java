package dev.lazaret.proxy.ops;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.lazaret.proxy.config.Operations.AccessLogFormat;
import dev.lazaret.proxy.upstream.PrintableUrl;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request on the Logback logger {@code dev.lazaret.access}, as text or as a JSON
 * object. Lines are written by an asynchronous appender (see {@code logback.xml}), so a request
 * pays for building one string, never for I/O.
 */
public final class AccessLog {

  /** The logger name; its appender is configured separately from the application log. */
  public static final String LOGGER = "dev.lazaret.access";
  private static final Logger log = LoggerFactory.getLogger(LOGGER);
  private static final JsonStringEncoder ESCAPE = JsonStringEncoder.getInstance();

  private final AccessLogFormat format;

  /** An access log writing {@code format} ({@code OFF} writes nothing). */
  public AccessLog(AccessLogFormat format) {
    this.format = format;
  }

  /** Logs one request. */
  public void log(CompletedRequest r) {
    if (format == AccessLogFormat.OFF || !log.isInfoEnabled()) {
      return;
    }
    // Millisecond timestamps: finer would only lengthen every line.
    Instant now = Instant.ofEpochMilli(System.currentTimeMillis());
    log.info(format == AccessLogFormat.JSON ? json(r, now) : text(r, now));
  }

  /**
   * {@code 2025-06-01T12:00:00.123Z 127.0.0.1 "GET /express HTTP/1.1" 200 12345B 3.2ms hit
   * rid=k3j5...}; the target is escaped so a crafted URL cannot fake a second line or field.
   */
  static String text(CompletedRequest r, Instant at) {
    StringBuilder b = new StringBuilder(128);
    b.append(at).append(' ').append(r.remote()).append(" \"").append(r.method()).append(' ');
    ESCAPE.quoteAsString(target(r), b);
    b.append(' ').append(r.protocol()).append("\" ").append(r.status()).append(' ')
        .append(r.bytes()).append("B ");
    millis(b, r.durationNanos()).append("ms ")
        .append(r.cache() == null ? "-" : r.cache()).append(" rid=").append(r.requestId());
    if (!r.complete()) {
      b.append(" aborted");
    }
    return b.toString();
  }

  /**
   * The request target as logged: an absolute-form target ({@code GET http://user:pw@host/x})
   * carries the client's credentials, which no log line should.
   */
  private static String target(CompletedRequest r) {
    return PrintableUrl.in(r.uri());
  }

  /** The same fields as one JSON object. */
  static String json(CompletedRequest r, Instant at) {
    StringBuilder b = new StringBuilder(192);
    b.append("{\"time\":\"").append(at).append("\",\"remote\":\"").append(r.remote())
        .append("\",\"method\":\"").append(r.method()).append("\",\"uri\":\"");
    ESCAPE.quoteAsString(target(r), b);
    b.append("\",\"protocol\":\"").append(r.protocol()).append("\",\"status\":").append(r.status())
        .append(",\"bytes\":").append(r.bytes()).append(",\"ms\":");
    millis(b, r.durationNanos()).append(",\"cache\":");
    if (r.cache() == null) {
      b.append("null");
    } else {
      b.append('"').append(r.cache()).append('"');
    }
    b.append(",\"route\":\"").append(r.route().label()).append("\",\"rid\":\"")
        .append(r.requestId()).append("\",\"complete\":").append(r.complete()).append('}');
    return b.toString();
  }

  /** Milliseconds with one decimal, without String.format's cost. */
  static StringBuilder millis(StringBuilder b, long nanos) {
    long tenths = Math.max(0, (nanos + 50_000) / 100_000);
    return b.append(tenths / 10).append('.').append(tenths % 10);
  }
}
