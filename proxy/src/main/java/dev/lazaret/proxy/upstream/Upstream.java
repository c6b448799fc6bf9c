package dev.lazaret.proxy.upstream;

import dev.lazaret.proxy.npm.PackageName;
import java.net.URI;
import java.util.Map;

/**
 * The registry Lazaret mirrors. Calls block, and are made from virtual threads, never from a
 * Netty event loop.
 */
public interface Upstream extends AutoCloseable {

  /** The upstream's base URL, ending with {@code /}. */
  URI base();

  /**
   * Fetches the full packument, conditionally if validators are given.
   *
   * @param etag         the stored document's ETag, or {@code null}
   * @param lastModified the stored document's Last-Modified, or {@code null}
   */
  PackumentResponse packument(PackageName name, String etag, String lastModified)
      throws UpstreamException;

  /** Starts downloading a tarball; a non-200 answer is an {@link UpstreamException}. */
  TarballResponse tarball(String url) throws UpstreamException;

  /**
   * Relays a request as it is.
   *
   * @param pathAndQuery the path below the base, without leading {@code /}, with its query
   * @param headers      request headers to pass on (content type and encoding, accept)
   * @param body         the request body, or {@code null}
   */
  RelayResponse relay(String method, String pathAndQuery, Map<String, String> headers, byte[] body)
      throws UpstreamException;

  /** Releases connections and threads. */
  @Override
  void close();
}
