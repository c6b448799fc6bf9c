package dev.lazaret.proxy.config;

import static dev.lazaret.proxy.config.SettingsSchema.ACCESS_LOG;
import static dev.lazaret.proxy.config.SettingsSchema.ADMIN_TOKEN;
import static dev.lazaret.proxy.config.SettingsSchema.ADMIN_TOKENS;
import static dev.lazaret.proxy.config.SettingsSchema.ADMIN_LISTEN;
import static dev.lazaret.proxy.config.SettingsSchema.ADVISORIES;
import static dev.lazaret.proxy.config.SettingsSchema.ADVISORY_TTL;
import static dev.lazaret.proxy.config.SettingsSchema.BASE_COOLDOWN;
import static dev.lazaret.proxy.config.SettingsSchema.CONFIG;
import static dev.lazaret.proxy.config.SettingsSchema.CONNECT_TIMEOUT;
import static dev.lazaret.proxy.config.SettingsSchema.DATA;
import static dev.lazaret.proxy.config.SettingsSchema.FRESH_ACCOUNT_WINDOW;
import static dev.lazaret.proxy.config.SettingsSchema.HEADER_TIMEOUT;
import static dev.lazaret.proxy.config.SettingsSchema.HOT_BYTES;
import static dev.lazaret.proxy.config.SettingsSchema.LISTEN;
import static dev.lazaret.proxy.config.SettingsSchema.LOOKUP_TIMEOUT;
import static dev.lazaret.proxy.config.SettingsSchema.MACHINE_NAME_THRESHOLD;
import static dev.lazaret.proxy.config.SettingsSchema.MAX_PACKUMENT_SIZE;
import static dev.lazaret.proxy.config.SettingsSchema.MAX_CONNECTIONS;
import static dev.lazaret.proxy.config.SettingsSchema.NODE_NAME;
import static dev.lazaret.proxy.config.SettingsSchema.METRICS_ON_REGISTRY_PORT;
import static dev.lazaret.proxy.config.SettingsSchema.METRICS_REQUIRE_TOKEN;
import static dev.lazaret.proxy.config.SettingsSchema.PACKUMENT_TTL;
import static dev.lazaret.proxy.config.SettingsSchema.PUBLIC_URL;
import static dev.lazaret.proxy.config.SettingsSchema.PUBLISHER_TTL;
import static dev.lazaret.proxy.config.SettingsSchema.QUARANTINE;
import static dev.lazaret.proxy.config.SettingsSchema.RESPONSE_TIMEOUT;
import static dev.lazaret.proxy.config.SettingsSchema.RISKY_COOLDOWN;
import static dev.lazaret.proxy.config.SettingsSchema.RULES;
import static dev.lazaret.proxy.config.SettingsSchema.SHUTDOWN_GRACE;
import static dev.lazaret.proxy.config.SettingsSchema.STATE;
import static dev.lazaret.proxy.config.SettingsSchema.STATE_PASSWORD;
import static dev.lazaret.proxy.config.SettingsSchema.STORAGE_MAX_SIZE;
import static dev.lazaret.proxy.config.SettingsSchema.UPSTREAM;
import static dev.lazaret.proxy.config.SettingsSchema.UPSTREAMS;
import static dev.lazaret.proxy.config.SettingsSchema.UPSTREAM_TARBALL_ORIGINS;
import static dev.lazaret.proxy.config.SettingsSchema.WEBHOOKS;

import dev.lazaret.policy.PolicySettings;
import dev.lazaret.policy.Rule;
import dev.lazaret.proxy.upstream.PrintableUrl;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds {@link Settings} from command-line flags, environment variables, an optional YAML file
 * and defaults, in that order of precedence. Only the winning value of each setting is parsed, so
 * a bad value that is overridden does not stop Lazaret. Every failure is a one-line
 * {@link ConfigException} that names the setting, where its value came from, and the problem.
 * The list sections ({@code upstreams:}, {@code rules:}, {@code notifications.webhooks:}) are
 * read by their own parsers.
 */
public final class SettingsLoader {

  /** A raw value and where it came from, e.g. {@code --listen} or {@code config F line 3: listen}. */
  private record Found(String text, String where) {
  }

  private final Map<String, String> flags;
  private final Map<String, String> env;
  private final Optional<ConfigFile> file;

  private SettingsLoader(Map<String, String> flags, Map<String, String> env,
      Optional<ConfigFile> file) {
    this.flags = Map.copyOf(flags);
    this.env = env;
    this.file = file;
  }

  /**
   * Loads and validates the settings; creates the data directory if it does not exist.
   *
   * @param flags values given on the command line, keyed by {@link Setting#key()} (e.g.
   *              {@code "listen"}, {@code "config"}); a key is absent if its flag was not given
   * @param env   the environment: {@code System.getenv()}, or a map in tests. Blank values
   *              count as unset, as {@code LAZARET_UPSTREAM=} in a compose file usually means.
   */
  public static Settings load(Map<String, String> flags, Map<String, String> env)
      throws ConfigException {
    return new SettingsLoader(flags, env, configFile(flags, env)).settings();
  }

  /**
   * One setting from the same sources as {@link #load}, without parsing the others (no data
   * directory is prepared): for commands that need one value and no server.
   */
  public static <T> T loadOne(Setting<T> setting, Map<String, String> flags,
      Map<String, String> env) throws ConfigException {
    return new SettingsLoader(flags, env, configFile(flags, env)).require(setting);
  }

  /** The config file named by the flag or the environment, parsed; empty if none is named. */
  private static Optional<ConfigFile> configFile(Map<String, String> flags,
      Map<String, String> env) throws ConfigException {
    Optional<Found> config = new SettingsLoader(flags, env, Optional.empty()).lookup(CONFIG);
    if (config.isEmpty()) {
      return Optional.empty();
    }
    Path path = parse(config.get(), CONFIG.parser());
    String text = parse(config.get(), ignored -> ConfigFile.readText(path));
    return Optional.of(ConfigFile.parse(path, text, SettingsSchema.fileKeys(),
        SettingsSchema.listKeys(), SettingsSchema.valueListKeys()));
  }

  private Settings settings() throws ConfigException {
    return new Settings(
        require(LISTEN),
        require(UPSTREAM),
        require(DATA),
        find(PUBLIC_URL),
        require(PACKUMENT_TTL),
        require(CONNECT_TIMEOUT),
        require(RESPONSE_TIMEOUT),
        require(SHUTDOWN_GRACE),
        require(HOT_BYTES),
        routes(),
        quarantine(),
        new Operations(require(ADMIN_LISTEN), require(STORAGE_MAX_SIZE), require(ACCESS_LOG),
            require(METRICS_ON_REGISTRY_PORT), adminAccess()),
        webhooks(),
        new UpstreamGuards(require(MAX_PACKUMENT_SIZE), require(UPSTREAM_TARBALL_ORIGINS)),
        new ServerLimits(require(MAX_CONNECTIONS), require(HEADER_TIMEOUT)),
        cluster());
  }

  /** The state's location and this node's name (the host name unless one is given). */
  private ClusterSettings cluster() throws ConfigException {
    return new ClusterSettings(require(STATE), find(STATE_PASSWORD),
        find(NODE_NAME).orElseGet(ClusterSettings::hostName));
  }

  private QuarantineSettings quarantine() throws ConfigException {
    PolicySettings d = PolicySettings.defaults();
    PolicySettings policy;
    try {
      policy = new PolicySettings(require(BASE_COOLDOWN), require(RISKY_COOLDOWN),
          require(FRESH_ACCOUNT_WINDOW), d.newPackageWindow(), d.newPackageMaxVersions(),
          require(MACHINE_NAME_THRESHOLD), d.thinMaxFiles(), d.thinMaxBytes(),
          d.highFirstMajor(), d.maxMajorJump(), d.typosquatMinLength());
    } catch (IllegalArgumentException e) {
      // The only cross-setting check: the risky cooldown cannot be shorter than the base one.
      throw new ConfigException(lookup(RISKY_COOLDOWN).orElseThrow().where() + ": must be at"
          + " least " + BASE_COOLDOWN.key() + " (" + lookup(BASE_COOLDOWN).orElseThrow().text()
          + ")");
    }
    return new QuarantineSettings(require(QUARANTINE), policy, rules(), require(ADVISORIES),
        require(ADVISORY_TTL), require(LOOKUP_TIMEOUT), require(PUBLISHER_TTL));
  }

  /** Routed upstreams: the environment variable replaces the file's whole list. */
  private List<UpstreamRoute> routes() throws ConfigException {
    String variable = UPSTREAMS.env().orElseThrow();
    String fromEnv = env.get(variable);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return UpstreamsEnvSyntax.parse(variable, fromEnv);
    }
    Optional<List<ConfigItem>> items = file.flatMap(f -> f.items(UPSTREAMS.key()));
    return items.isEmpty() ? List.of() : UpstreamRoutesParser.parse(items.get());
  }

  /** Standing trust and deny rules, from the config file only. */
  private List<Rule> rules() throws ConfigException {
    Optional<List<ConfigItem>> items = file.flatMap(f -> f.items(RULES.key()));
    return items.isEmpty() ? List.of() : RulesParser.parse(items.get());
  }

  /** Webhooks for new holds and decisions, from the config file only. */
  private List<Webhook> webhooks() throws ConfigException {
    Optional<List<ConfigItem>> items = file.flatMap(f -> f.items(WEBHOOKS.key()));
    return items.isEmpty() ? List.of() : WebhooksParser.parse(items.get());
  }

  /** Admin API tokens from the config file, plus the environment's one if it is set. */
  private AdminAccess adminAccess() throws ConfigException {
    Optional<List<ConfigItem>> items = file.flatMap(f -> f.items(ADMIN_TOKENS.key()));
    AdminAccess access = new AdminAccess(
        items.isEmpty() ? List.of() : AdminTokensParser.parse(items.get()),
        require(METRICS_REQUIRE_TOKEN));
    Optional<AdminToken> fromEnv = find(ADMIN_TOKEN);
    return fromEnv.isEmpty() ? access : access.withToken(fromEnv.get());
  }

  /** The setting's value from the first source that has one, or its default. */
  private <T> T require(Setting<T> setting) throws ConfigException {
    return find(setting).orElseThrow(() -> new ConfigException("no " + setting.key()
        + " set: pass " + setting.flag().map(f -> f + " " + setting.label() + ", set ").orElse("")
        + setting.env() + ", or put '" + setting.key() + ":' in the config file"));
  }

  /** The setting's value from the first source that has one; empty if none has. */
  private <T> Optional<T> find(Setting<T> setting) throws ConfigException {
    Optional<Found> found = lookup(setting);
    return found.isEmpty() ? Optional.empty()
        : Optional.of(parse(found.get(), setting.parser()));
  }

  /** Flag, then environment, then file, then default: the first that is set wins. */
  private Optional<Found> lookup(Setting<?> setting) {
    if (setting.flag().isPresent() && flags.containsKey(setting.key())) {
      return Optional.of(new Found(flags.get(setting.key()), setting.flag().get()));
    }
    String fromEnv = env.get(setting.env());
    if (fromEnv != null && !fromEnv.isBlank()) {
      return Optional.of(new Found(fromEnv, setting.env()));
    }
    Optional<Found> fromFile = file.flatMap(f -> f.get(setting.key())
        .map(e -> new Found(e.text(), f.at(e.line()) + setting.key())));
    if (fromFile.isPresent()) {
      return fromFile;
    }
    return setting.defaultText().map(d -> new Found(d, setting.key() + " (default)"));
  }

  /** Parses with {@code parser}, prefixing any failure with the source and the raw value. */
  private static <T> T parse(Found found, ValueParser<T> parser)
      throws ConfigException {
    try {
      return parser.parse(found.text());
    } catch (ConfigException e) {
      // The value is echoed so the operator sees what was read; a URL's password never is.
      throw new ConfigException(found.where() + " '" + PrintableUrl.in(found.text()) + "': "
          + e.getMessage());
    }
  }
}
