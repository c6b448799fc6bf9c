package dev.lazaret.proxy.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebhooksConfigTest {

  @TempDir
  Path tmp;

  private ConfigFileFixture f;

  @BeforeEach
  void minimalSettings() {
    f = new ConfigFileFixture(tmp);
  }

  private String webhookError(String entries) throws Exception {
    f.config("notifications:\n  webhooks:\n" + entries);
    return f.error();
  }

  @Test
  void noWebhooksByDefault() throws Exception {
    assertThat(f.load().webhooks()).isEmpty();
    f.config("notifications:\n  webhooks:\n");
    assertThat(f.load().webhooks()).isEmpty();
  }

  @Test
  void readsWebhooksWithDefaultsInFileOrder() throws Exception {
    f.config("""
        notifications:
          webhooks:
            - url: https://hooks.example.com/services/T0/B0/XXXX
            - url: http://127.0.0.1:9000/lazaret?key=k
              events: [hold-all, decision]
              timeout: 500ms
            - url: http://chat.example.com/in
              events: [decision]
        """);
    assertThat(f.load().webhooks()).containsExactly(
        new Webhook(URI.create("https://hooks.example.com/services/T0/B0/XXXX"),
            Set.of(Webhook.Event.HOLD, Webhook.Event.DECISION), Duration.ofSeconds(5)),
        new Webhook(URI.create("http://127.0.0.1:9000/lazaret?key=k"),
            Set.of(Webhook.Event.HOLD_ALL, Webhook.Event.DECISION), Duration.ofMillis(500)),
        new Webhook(URI.create("http://chat.example.com/in"), Set.of(Webhook.Event.DECISION),
            Duration.ofSeconds(5)));
  }

  @Test
  void whichHoldsAWebhookWants() {
    Webhook risky = Webhook.of(URI.create("http://127.0.0.1/x"));
    Webhook all = new Webhook(URI.create("http://127.0.0.1/x"), Set.of(Webhook.Event.HOLD_ALL),
        Duration.ofSeconds(1));
    assertThat(risky.wantsHold(true)).isTrue();
    assertThat(risky.wantsHold(false)).isFalse();
    assertThat(risky.wantsDecisions()).isTrue();
    assertThat(all.wantsHold(false)).isTrue();
    assertThat(all.wantsDecisions()).isFalse();
  }

  @Test
  void describeHidesThePathWhereSecretsLive() {
    assertThat(Webhook.of(URI.create("https://user:pw@hooks.example.com:8443/services/T/B/X?k=1"))
        .describe()).isEqualTo("https://hooks.example.com:8443/...");
  }

  @Test
  void errorsNameTheFileLineAndEntry() throws Exception {
    assertThat(webhookError("    - events: [hold]\n"))
        .isEqualTo(f.at(3) + "notifications.webhooks[1] has no url (each webhook needs one)");
    assertThat(webhookError("    - url: ftp://files.example.com/\n"))
        .isEqualTo(f.at(3) + "notifications.webhooks[1].url 'ftp://files.example.com/': not an"
            + " http(s) URL");
    assertThat(webhookError("    - url: http://127.0.0.1/a\n    - url: http://127.0.0.1/b\n"
        + "      events: [hold, held]\n"))
        .isEqualTo(f.at(5) + "notifications.webhooks[2].events 'held': expected one of hold,"
            + " hold-all, decision");
    assertThat(webhookError("    - url: http://127.0.0.1/a\n      events: []\n"))
        .isEqualTo(f.at(4) + "notifications.webhooks[1].events must be a list of events from"
            + " hold, hold-all, decision, such as [hold, decision]");
    assertThat(webhookError("    - url: http://127.0.0.1/a\n      timeout: 5\n"))
        .startsWith(f.at(4) + "notifications.webhooks[1].timeout '5': expected a duration");
    assertThat(webhookError("    - url: http://127.0.0.1/a\n      secret: s\n"))
        .isEqualTo(f.at(4) + "unknown key 'secret' in notifications.webhooks[1] (known: url,"
            + " events, timeout)");
  }

  @Test
  void notificationsIsASection() throws Exception {
    f.config("notifications: yes\n");
    assertThat(f.error()).isEqualTo(f.at(1) + "'notifications' is a section: indent webhooks"
        + " under it");
    f.config("notifications:\n  slack: x\n");
    assertThat(f.error()).isEqualTo(f.at(2) + "unknown setting 'notifications.slack' (known:"
        + " notifications.webhooks)");
    f.config("notifications:\n  webhooks: http://127.0.0.1/\n");
    assertThat(f.error()).startsWith(f.at(2) + "'notifications.webhooks' is a list");
  }
}
