package dev.lazaret.proxy.ops;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Request ids: the client's {@code X-Request-Id} if it is short and plain (so it is safe in logs
 * and headers), otherwise a new short random one.
 */
public final class RequestIds {

  /** The request and response header carrying the id. */
  public static final String HEADER = "X-Request-Id";
  /** Longest client id accepted; longer ones are replaced, not truncated, to stay recognisable. */
  static final int MAX_LENGTH = 64;
  private static final char[] ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();
  private static final int GENERATED_LENGTH = 12;

  private RequestIds() {}

  /** The client's id if sane, else a generated one. */
  public static String accept(String fromClient) {
    return isSane(fromClient) ? fromClient : generate();
  }

  /** A new 12-character id (about 62 random bits): unique enough to find a request in logs. */
  public static String generate() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    char[] id = new char[GENERATED_LENGTH];
    for (int i = 0; i < id.length; i++) {
      id[i] = ALPHABET[random.nextInt(ALPHABET.length)];
    }
    return new String(id);
  }

  /** 1 to 64 characters of letters, digits and {@code - _ . : @ / + =} (UUIDs, trace ids). */
  static boolean isSane(String id) {
    if (id == null || id.isEmpty() || id.length() > MAX_LENGTH) {
      return false;
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || "-_.:@/+=".indexOf(c) >= 0;
      if (!plain) {
        return false;
      }
    }
    return true;
  }
}
