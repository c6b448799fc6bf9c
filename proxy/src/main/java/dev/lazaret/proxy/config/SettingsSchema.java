package dev.lazaret.proxy.config;

import dev.lazaret.proxy.upstream.Origin;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Every setting Lazaret understands, in the order help lists them. To add one (say
 * {@code storage.max-size}), add a constant here, add it to {@link #ALL}, and read it in
 * {@link SettingsLoader#load}; the config-file key check and {@code --help} follow automatically.
 * List sections ({@link #LISTS}) work the same way, each read by its own parser.
 */
public final class SettingsSchema {

  /** The config file itself: a flag and an environment variable, never a key in the file. */
  public static final Setting<Path> CONFIG = new Setting<Path>("config", Optional.of("--config"),
      "LAZARET_CONFIG", "FILE", Optional.empty(), "(none)", SettingsSchema::path);

  /** Where the registry port listens. */
  public static final Setting<InetSocketAddress> LISTEN =
      Setting.of("listen", "HOST:PORT", Settings.DEFAULT_LISTEN, ListenAddress::parse)
          .withFlag("--listen");

  /** The registry Lazaret mirrors. */
  public static final Setting<URI> UPSTREAM =
      Setting.withoutDefault("upstream", "URL", "(required)", HttpUrl::parseBase)
          .withFlag("--upstream");

  /** The data directory. */
  public static final Setting<Path> DATA =
      Setting.of("data", "DIR", Settings.DEFAULT_DATA, DataDirectory::prepare).withFlag("--data");

  /** The URL clients reach Lazaret at, when it cannot be derived from the Host header. */
  public static final Setting<URI> PUBLIC_URL =
      Setting.withoutDefault("public-url", "URL", "(Host header)", HttpUrl::parseBase)
          .withFlag("--public-url");

  /** How long a cached packument is served before revalidation. */
  public static final Setting<Duration> PACKUMENT_TTL =
      Setting.of("cache.packument-ttl", "DURATION", "5m", Durations::parse);

  /** Heap budget for hot packuments. */
  public static final Setting<Long> HOT_BYTES =
      Setting.of("cache.hot-bytes", "SIZE", "160MiB", ByteSizes::parse);

  /** Upstream connect timeout. */
  public static final Setting<Duration> CONNECT_TIMEOUT =
      Setting.of("upstream-timeouts.connect", "DURATION", "5s", Durations::parsePositive);

  /** Upstream time to response headers and between body reads. */
  public static final Setting<Duration> RESPONSE_TIMEOUT =
      Setting.of("upstream-timeouts.response", "DURATION", "30s", Durations::parsePositive);

  /** The largest upstream packument read, counted after gzip; past it the answer is a 502. */
  public static final Setting<Long> MAX_PACKUMENT_SIZE =
      Setting.of("upstream.max-packument-size", "SIZE", "200MiB", SettingsSchema::positiveSize);

  /**
   * Origins besides the upstream's own that its tarballs and redirects may come from (a CDN).
   * A YAML list in the file; comma-separated in the environment.
   */
  public static final Setting<List<Origin>> UPSTREAM_TARBALL_ORIGINS =
      new Setting<List<Origin>>("upstream-tarball-origins", Optional.empty(),
          Setting.envName("upstream-tarball-origins"), "ORIGIN,...", Optional.of(""),
          "(upstream's own)", TarballOrigins::parse);

  /** How long SIGTERM waits for in-flight responses; an hour at most (no one waits longer). */
  public static final Setting<Duration> SHUTDOWN_GRACE =
      Setting.of("shutdown-grace", "DURATION", "10s", Durations.atMost(Duration.ofHours(1)));

  /** Whether new versions are judged and held; off serves everything. */
  public static final Setting<Boolean> QUARANTINE =
      Setting.of("quarantine.enabled", "BOOL", "true", Choices::bool);

  /** How long every new version waits. */
  public static final Setting<Duration> BASE_COOLDOWN =
      Setting.of("quarantine.base-cooldown", "DURATION", "24h", Durations::parsePositive);

  /** How long a risky version waits. */
  public static final Setting<Duration> RISKY_COOLDOWN =
      Setting.of("quarantine.risky-cooldown", "DURATION", "7d", Durations::parsePositive);

  /** An account with no history older than this is fresh. */
  public static final Setting<Duration> FRESH_ACCOUNT_WINDOW =
      Setting.of("quarantine.fresh-account-window", "DURATION", "7d", Durations::parsePositive);

  /** Name score from which a publisher's name looks machine-generated. */
  public static final Setting<Double> MACHINE_NAME_THRESHOLD =
      Setting.of("quarantine.machine-name-threshold", "0..1", "0.5", Choices::fraction);

  /** Whether the upstream's advisory endpoint is asked for malware. */
  public static final Setting<Boolean> ADVISORIES =
      Setting.of("quarantine.advisories", "BOOL", "true", Choices::bool);

  /** How long an advisory answer is reused. */
  public static final Setting<Duration> ADVISORY_TTL =
      Setting.of("quarantine.advisory-ttl", "DURATION", "1h", Durations::parsePositive);

  /** How long an evidence lookup may take before the verdict goes ahead without it. */
  public static final Setting<Duration> LOOKUP_TIMEOUT =
      Setting.of("quarantine.lookup-timeout", "DURATION", "3s", Durations::parsePositive);

  /** How long a publisher's maintainer-search answer is reused. */
  public static final Setting<Duration> PUBLISHER_TTL =
      Setting.of("quarantine.publisher-ttl", "DURATION", "24h", Durations::parsePositive);

  /** Where the private admin listener (metrics, health, analyst API) listens. */
  public static final Setting<InetSocketAddress> ADMIN_LISTEN =
      Setting.of("admin-listen", "HOST:PORT", Operations.DEFAULT_ADMIN_LISTEN,
          ListenAddress::parse).withFlag("--admin-listen");

  /** Tarball store limit; least recently used tarballs are evicted past it. */
  public static final Setting<Long> STORAGE_MAX_SIZE =
      new Setting<Long>("storage.max-size", Optional.empty(), Setting.envName("storage.max-size"),
          "SIZE", Optional.of("0"), "(no limit)", ByteSizes::parse);

  /** Access log format. */
  public static final Setting<Operations.AccessLogFormat> ACCESS_LOG =
      Setting.of("access-log", "text|json|off", "text",
          Choices.oneOf(Operations.AccessLogFormat.class));

  /** Whether {@code /metrics} is also served on the registry port. */
  public static final Setting<Boolean> METRICS_ON_REGISTRY_PORT =
      Setting.of("metrics.on-registry-port", "BOOL", "false", Choices::bool);

  /**
   * One admin-role API token named {@code env}, for a quick start. Hashed as it is read, so the
   * secret is never kept, printed or logged; prefer {@code admin.tokens} in a config file.
   */
  public static final Setting<AdminToken> ADMIN_TOKEN =
      Setting.withoutDefault("admin.token", "TOKEN", "(none)",
          text -> AdminToken.ofSecret(AdminToken.ENV_NAME, Role.ADMIN, text));

  /**
   * Whether {@code /metrics} on the admin listener needs an API token (of any role). On by
   * default: metrics name packages and upstreams; switch it off only on a private network.
   */
  public static final Setting<Boolean> METRICS_REQUIRE_TOKEN =
      Setting.of("metrics.require-token", "BOOL", "true", Choices::bool);

  /** Open connections each listener accepts; past it new ones are closed at once. */
  public static final Setting<Integer> MAX_CONNECTIONS =
      Setting.of("server.max-connections", "COUNT",
          String.valueOf(ServerLimits.DEFAULT_MAX_CONNECTIONS), ServerLimits::parseConnections);

  /** How long a connection may take to send a complete request head (and a request body). */
  public static final Setting<Duration> HEADER_TIMEOUT =
      Setting.of("server.header-timeout", "DURATION", "10s",
          Durations.positiveAtMost(ServerLimits.MAX_HEADER_TIMEOUT));

  /**
   * Where the quarantine state lives: {@code embedded} (RocksDB in the data directory) or a
   * PostgreSQL database shared by several nodes.
   */
  public static final Setting<Optional<URI>> STATE =
      Setting.of("state", "embedded|postgresql://USER:PASSWORD@HOST:PORT/DB",
          ClusterSettings.EMBEDDED, ClusterSettings::parseState).withFlag("--state");

  /** The state database's password, when the {@code state} URL does not carry it. */
  public static final Setting<String> STATE_PASSWORD =
      Setting.withoutDefault("state-password", "PASSWORD", "(from the URL)", String::strip);

  /** This node's name in logs, metrics and audit entries. */
  public static final Setting<String> NODE_NAME =
      Setting.withoutDefault("node-name", "NAME", "(host name)", ClusterSettings::parseNodeName)
          .withFlag("--node-name");

  /** Every setting, in help order; {@link #CONFIG} is first and is not a file key. */
  public static final List<Setting<?>> ALL = List.of(CONFIG, LISTEN, UPSTREAM, DATA, PUBLIC_URL,
      PACKUMENT_TTL, HOT_BYTES, CONNECT_TIMEOUT, RESPONSE_TIMEOUT, MAX_PACKUMENT_SIZE,
      UPSTREAM_TARBALL_ORIGINS, SHUTDOWN_GRACE, QUARANTINE,
      BASE_COOLDOWN, RISKY_COOLDOWN, FRESH_ACCOUNT_WINDOW, MACHINE_NAME_THRESHOLD, ADVISORIES,
      ADVISORY_TTL, LOOKUP_TIMEOUT, PUBLISHER_TTL, ADMIN_LISTEN, STORAGE_MAX_SIZE, ACCESS_LOG,
      METRICS_ON_REGISTRY_PORT, ADMIN_TOKEN, METRICS_REQUIRE_TOKEN, MAX_CONNECTIONS,
      HEADER_TIMEOUT, STATE, STATE_PASSWORD, NODE_NAME);

  /** Routed upstreams: names only they serve. */
  public static final ListSection UPSTREAMS = new ListSection("upstreams",
      Optional.of("LAZARET_UPSTREAMS"),
      "upstreams that alone serve some names; 'upstream' serves the rest",
      List.of(
          "upstreams:",
          "  - name: internal                   # a-z, 0-9, '-'; not 'default'",
          "    url: http://npm.acme.internal:4873/",
          "    packages: [\"@acme/*\", \"acme-*\", \"internal-tool\"]",
          "    tarball-origins: [\"https://cdn.acme.internal:443\"]  # optional"),
      List.of(UpstreamsEnvSyntax.FORM,
          "e.g. internal|http://npm.acme.internal:4873/|@acme/*,acme-*"));

  /** Standing trust and deny rules. */
  public static final ListSection RULES = new ListSection("rules", Optional.empty(),
      "standing trust (skip the cooldown) and deny (block) rules",
      List.of(
          "rules:",
          "  - trust: {scope: \"@acme\"}          # or package: NAME, publisher: NAME",
          "    note: our own packages           # optional, shown in verdicts",
          "  - deny: {package: event-stream, version: 3.3.6}",
          "    until: 2027-06-30                # optional: a UTC date, or a time",
          "                                     # like 2027-06-30T12:00:00Z"),
      List.of());

  /** Webhooks told about new holds and analyst decisions. */
  public static final ListSection WEBHOOKS = new ListSection("notifications.webhooks",
      Optional.empty(),
      "JSON POSTs (with a Slack-compatible 'text') on new holds and decisions",
      List.of(
          "notifications:",
          "  webhooks:",
          "    - url: https://hooks.example.com/services/T0/B0/XXXX",
          "      events: [hold, decision]       # default; hold-all: every new hold,",
          "                                     # not only risky ones",
          "      timeout: 5s                    # optional, per attempt"),
      List.of());

  /** Admin API tokens, stored as hashes. */
  public static final ListSection ADMIN_TOKENS = new ListSection("admin.tokens", Optional.empty(),
      "admin API tokens: a name, a role (viewer, analyst, admin) and the token's SHA-256",
      List.of(
          "admin:",
          "  tokens:",
          "    - name: alice                    # shown in the audit log",
          "      role: analyst                  # viewer, analyst or admin",
          "      sha256: 9f86d081...            # printf %s TOKEN | sha256sum"),
      List.of());

  /** Every list section, in help order. */
  public static final List<ListSection> LISTS = List.of(UPSTREAMS, RULES, WEBHOOKS,
      ADMIN_TOKENS);

  private SettingsSchema() {
  }

  private static Path path(String text) throws ConfigException {
    try {
      return Path.of(text.strip());
    } catch (InvalidPathException e) {
      throw new ConfigException("not a valid path");
    }
  }

  private static long positiveSize(String text) throws ConfigException {
    long size = ByteSizes.parse(text);
    if (size <= 0) {
      throw new ConfigException("must be more than 0 bytes");
    }
    return size;
  }

  /** The keys a config file may set (dotted for sections). */
  public static List<String> fileKeys() {
    return ALL.stream().filter(s -> s != CONFIG).map(Setting::key).toList();
  }

  /**
   * The keys whose YAML value may be a list of single values, handed over joined by commas
   * (the same text their environment variable takes).
   */
  public static List<String> valueListKeys() {
    return List.of(UPSTREAM_TARBALL_ORIGINS.key());
  }

  /** The keys of the list sections a config file may have. */
  public static List<String> listKeys() {
    return LISTS.stream().map(ListSection::key).toList();
  }
}
