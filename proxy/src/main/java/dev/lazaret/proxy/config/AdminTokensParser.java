package dev.lazaret.proxy.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the {@code admin.tokens:} list of the config file: name, role and the hex SHA-256 of the
 * token per entry, so the file never holds a secret.
 */
final class AdminTokensParser {

  private static final List<String> KEYS = List.of("name", "role", "sha256");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");
  private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{64}");

  private AdminTokensParser() {
  }

  /** The tokens in file order, checked; names are unique and {@code env} is reserved. */
  static List<AdminToken> parse(List<ConfigItem> items) throws ConfigException {
    List<AdminToken> tokens = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (ConfigItem item : items) {
      AdminToken token = token(item);
      if (!names.add(token.name())) {
        throw item.error("name", item.label() + ".name '" + token.name()
            + "' is used by an earlier token; names must be unique");
      }
      tokens.add(token);
    }
    return List.copyOf(tokens);
  }

  private static AdminToken token(ConfigItem item) throws ConfigException {
    item.allowOnly(KEYS);
    for (String key : KEYS) {
      if (!item.has(key)) {
        throw item.error(item.label() + " has no " + key + " (each token needs "
            + String.join(", ", KEYS) + ")");
      }
    }
    String name = item.value("name").orElseThrow().parse(AdminTokensParser::name);
    Role role = item.value("role").orElseThrow().parse(text -> Role.parse(text).orElseThrow(
        () -> new ConfigException("expected viewer, analyst or admin")));
    String sha256 = item.value("sha256").orElseThrow().parse(AdminTokensParser::sha256);
    return new AdminToken(name, role, sha256);
  }

  private static String name(String text) throws ConfigException {
    String name = text.strip();
    if (name.equals(AdminToken.ENV_NAME)) {
      throw new ConfigException("'" + AdminToken.ENV_NAME + "' names the LAZARET_ADMIN_TOKEN"
          + " token; choose another name");
    }
    if (!NAME.matcher(name).matches()) {
      throw new ConfigException("expected a name of letters, digits, '.', '_', '@' or '-'");
    }
    return name;
  }

  private static String sha256(String text) throws ConfigException {
    String hex = text.strip();
    if (!HEX.matcher(hex).matches()) {
      throw new ConfigException("expected the token's SHA-256 as 64 hex digits"
          + " (printf %s TOKEN | sha256sum)");
    }
    return hex.toLowerCase(Locale.ROOT);
  }
}
