package dev.lazaret.proxy.config;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the {@code notifications.webhooks:} list of the config file: {@code url}, and optionally
 * {@code events} (default {@code [hold, decision]}) and {@code timeout} (default 5s) per entry.
 */
final class WebhooksParser {

  private static final List<String> KEYS = List.of("url", "events", "timeout");

  private static final String EVENT_NAMES = EnumSet.allOf(Webhook.Event.class).stream()
      .map(Webhook.Event::configName).collect(Collectors.joining(", "));

  /** What {@code events} must be, for messages. */
  private static final String EVENTS_EXPECTED =
      "a list of events from " + EVENT_NAMES + ", such as [hold, decision]";

  private WebhooksParser() {
  }

  /** The webhooks in file order, checked. */
  static List<Webhook> parse(List<ConfigItem> items) throws ConfigException {
    List<Webhook> webhooks = new ArrayList<>();
    for (ConfigItem item : items) {
      webhooks.add(webhook(item));
    }
    return List.copyOf(webhooks);
  }

  private static Webhook webhook(ConfigItem item) throws ConfigException {
    item.allowOnly(KEYS);
    URI url = item.value("url")
        .orElseThrow(() -> item.error(item.label() + " has no url (each webhook needs one)"))
        .parse(WebhooksParser::url);
    Set<Webhook.Event> events = EnumSet.of(Webhook.Event.HOLD, Webhook.Event.DECISION);
    Optional<List<Located>> listed = item.list("events", EVENTS_EXPECTED);
    if (listed.isPresent()) {
      if (listed.get().isEmpty()) {
        // An empty list would make a webhook that never fires: surely not what was meant.
        throw item.error("events", item.label() + ".events must be " + EVENTS_EXPECTED);
      }
      events = EnumSet.noneOf(Webhook.Event.class);
      for (Located event : listed.get()) {
        events.add(event.parse(WebhooksParser::event));
      }
    }
    Optional<Located> timeout = item.value("timeout");
    Duration limit = timeout.isEmpty() ? Webhook.DEFAULT_TIMEOUT
        : timeout.get().parse(Durations::parsePositive);
    return new Webhook(url, events, limit);
  }

  /**
   * An http(s) URL taken as written: unlike a base URL, a webhook's path is not extended and may
   * carry a query (some receivers put their key there).
   */
  private static URI url(String text) throws ConfigException {
    URI uri = HttpUrl.parse(text);
    if (uri.getRawFragment() != null) {
      throw new ConfigException("a webhook URL cannot have a fragment");
    }
    return uri;
  }

  private static Webhook.Event event(String text) throws ConfigException {
    String name = text.strip();
    for (Webhook.Event event : Webhook.Event.values()) {
      if (event.configName().equals(name)) {
        return event;
      }
    }
    throw new ConfigException("expected one of " + EVENT_NAMES);
  }
}
