package dev.lazaret.proxy.upstream;

/** What the upstream said when asked for a packument. */
public sealed interface PackumentResponse {

  /**
   * A (new) document with its validators. It holds the document's share of the upstream body
   * budget: whoever receives it closes it once done with {@code json} (parsed, stored).
   */
  record Fetched(byte[] json, String etag, String lastModified, Runnable release)
      implements PackumentResponse, AutoCloseable {

    /** A document that holds no budget (built by hand, in tests and fakes). */
    public Fetched(byte[] json, String etag, String lastModified) {
      this(json, etag, lastModified, () -> { });
    }

    /** Releases the document's share of the body budget. */
    @Override
    public void close() {
      release.run();
    }
  }

  /** The copy Lazaret holds is still current (304). */
  record NotModified() implements PackumentResponse {}

  /** No such package upstream (404 or 410). */
  record NotFound() implements PackumentResponse {}
}
