package dev.lazaret.proxy.config;

import dev.lazaret.proxy.upstream.PrintableUrl;

/**
 * A raw value from a list section and where it came from, ready to prefix a message:
 * {@code config F line 4: upstreams[1].url} or {@code LAZARET_UPSTREAMS entry 1 url}.
 *
 * @param text  the value as written
 * @param where the source, without the value
 */
record Located(String text, String where) {

  /** Parses the text; a failure reads {@code WHERE 'TEXT': REASON}, like any setting's. */
  <T> T parse(ValueParser<T> parser) throws ConfigException {
    try {
      return parser.parse(text);
    } catch (ConfigException e) {
      throw fail(e.getMessage());
    }
  }

  /** A failure about this value: {@code WHERE 'TEXT': REASON}. */
  ConfigException fail(String reason) {
    return new ConfigException(where + " '" + PrintableUrl.in(text) + "': " + reason);
  }
}
