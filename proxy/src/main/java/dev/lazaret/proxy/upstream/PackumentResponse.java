package dev.lazaret.proxy.upstream;

/** What the upstream said when asked for a packument. */
public sealed interface PackumentResponse {

  /** A (new) document with its validators. */
  record Fetched(byte[] json, String etag, String lastModified) implements PackumentResponse {}

  /** The copy Lazaret holds is still current (304). */
  record NotModified() implements PackumentResponse {}

  /** No such package upstream (404 or 410). */
  record NotFound() implements PackumentResponse {}
}
