package dev.lazaret.proxy.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An admin API token as configured: a name, a role and the SHA-256 of the secret. The secret
 * itself is never kept, so settings may be logged or dumped without leaking it.
 *
 * @param name   who the token belongs to; audit entries name it
 * @param role   what it may do
 * @param sha256 the lower-case hex SHA-256 of the token's UTF-8 bytes
 */
public record AdminToken(String name, Role role, String sha256) {

  /** The name of the token set by {@code LAZARET_ADMIN_TOKEN}. */
  public static final String ENV_NAME = "env";

  private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-f]{64}");

  /** Validates the parts. */
  public AdminToken {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
    if (!HEX_SHA256.matcher(sha256).matches()) {
      throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits");
    }
  }

  /** The token whose secret is {@code secret} (surrounding whitespace ignored). */
  public static AdminToken ofSecret(String name, Role role, String secret) {
    return new AdminToken(name, role, HexFormat.of().formatHex(sha256(secret.strip())));
  }

  /** The SHA-256 of {@code text}'s UTF-8 bytes. */
  public static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  @Override
  public String toString() {
    return "AdminToken[" + name + ", " + role.label() + "]";
  }
}
