package dev.lazaret.proxy.config;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One entry of {@code notifications.webhooks:}: where to POST and which events to send.
 *
 * @param url     the receiver (any http(s) URL; Slack incoming-webhook URLs carry their secret in
 *                the path, so log {@link #describe()} rather than this)
 * @param events  which events it receives; never empty
 * @param timeout connect and response timeout of each attempt
 */
public record Webhook(URI url, Set<Event> events, Duration timeout) {

  /** Default timeout of one delivery attempt. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

  /** What a webhook can be told about. */
  public enum Event {
    /** A version was newly held and judged risky. */
    HOLD,
    /** Any version was newly held, including those only waiting out the base cooldown. */
    HOLD_ALL,
    /** An analyst approved or rejected a version. */
    DECISION;

    /** How the event is written in the config file: {@code hold-all}. */
    public String configName() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /** Checks that nothing is missing and copies the events. */
  public Webhook {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(timeout, "timeout");
    events = Set.copyOf(events);
    if (events.isEmpty()) {
      throw new IllegalArgumentException("a webhook needs at least one event");
    }
  }

  /** A webhook for risky holds and decisions with the default timeout. */
  public static Webhook of(URI url) {
    return new Webhook(url, Set.of(Event.HOLD, Event.DECISION), DEFAULT_TIMEOUT);
  }

  /** Whether a newly held version (risky or not) is sent to this webhook. */
  public boolean wantsHold(boolean risky) {
    return events.contains(Event.HOLD_ALL) || risky && events.contains(Event.HOLD);
  }

  /** Whether analyst decisions are sent to this webhook. */
  public boolean wantsDecisions() {
    return events.contains(Event.DECISION);
  }

  /** The URL without its path or query, which may hold a secret: for logs and messages. */
  public String describe() {
    return url.getScheme() + "://" + url.getRawAuthority().replaceFirst("^.*@", "") + "/...";
  }
}
