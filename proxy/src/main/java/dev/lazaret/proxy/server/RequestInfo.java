package dev.lazaret.proxy.server;

import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * What the handlers need from a request, copied out of it before the request's buffers are
 * released, so asynchronous work never touches a released message.
 *
 * @param method         GET, HEAD, POST, ...
 * @param path           the raw path, without the query
 * @param pathAndQuery   the raw path with its query, without the leading {@code /}
 * @param baseUrl        Lazaret's public base URL for this request, ending with {@code /}
 * @param keepAlive      whether the connection stays open after the response
 * @param acceptsGzip    whether the client accepts gzip
 * @param wantsAbbreviated whether the client asked for the abbreviated packument
 * @param ifNoneMatch    the If-None-Match header, or null
 * @param requestId      an id for logs and the {@code X-Request-Id} header
 */
record RequestInfo(HttpMethod method, String path, String pathAndQuery, String baseUrl,
    boolean keepAlive, boolean acceptsGzip, boolean wantsAbbreviated, String ifNoneMatch,
    String requestId) {

  private static final String ABBREVIATED = "application/vnd.npm.install-v1+json";
  // Host header values we are willing to echo into URLs: host names, IPv4, bracketed IPv6, port.
  private static final Pattern SAFE_HOST = Pattern.compile("[A-Za-z0-9.-]+(:\\d{1,5})?|\\[[0-9A-Fa-f:.]+\\](:\\d{1,5})?");
  /**
   * Answers for the few distinct Host and Accept-Encoding values clients send, so the warm path
   * runs no regex, split or concatenation per request. Bounded: past the limit (a client sending
   * random hosts) values are computed each time instead of remembered.
   */
  private static final int MEMO_LIMIT = 256;
  private static final Map<String, String> BASE_URL_OF_HOST = new ConcurrentHashMap<>();
  private static final Map<String, Boolean> GZIP_OF_ENCODING = new ConcurrentHashMap<>();

  static RequestInfo of(FullHttpRequest req, Optional<URI> publicUrl,
      java.net.InetSocketAddress local, String requestId) {
    String uri = req.uri();
    int q = uri.indexOf('?');
    String path = q < 0 ? uri : uri.substring(0, q);
    String pathAndQuery = uri.startsWith("/") ? uri.substring(1) : uri;
    String accept = req.headers().get(HttpHeaderNames.ACCEPT, "");
    String encoding = req.headers().get(HttpHeaderNames.ACCEPT_ENCODING, "");
    return new RequestInfo(req.method(), path, pathAndQuery,
        baseUrl(req, publicUrl, local), keepAlive(req),
        acceptsGzip(encoding), accept.contains(ABBREVIATED),
        req.headers().get(HttpHeaderNames.IF_NONE_MATCH), requestId);
  }

  /**
   * Whether the connection may carry another request after this one's answer. Not after a
   * request the decoder failed on (a bad chunk line, say): the decoder then discards every later
   * byte, so the connection could only wait for the header timeout.
   */
  static boolean keepAlive(HttpRequest req) {
    return req.decoderResult().isSuccess() && HttpUtil.isKeepAlive(req);
  }

  boolean isHead() {
    return method.equals(HttpMethod.HEAD);
  }

  private static String baseUrl(FullHttpRequest req, Optional<URI> publicUrl,
      java.net.InetSocketAddress local) {
    if (publicUrl.isPresent()) {
      String u = publicUrl.get().toString();
      return u.endsWith("/") ? u : u + "/";
    }
    String host = req.headers().get(HttpHeaderNames.HOST);
    String known = host == null ? null : BASE_URL_OF_HOST.get(host);
    if (known != null) {
      return known;
    }
    if (host != null && SAFE_HOST.matcher(host).matches()) {
      return remember(BASE_URL_OF_HOST, host, "http://" + host + "/");
    }
    // No usable Host header (HTTP/1.0 clients): the address this connection reached.
    String ip = local.getAddress().getHostAddress();
    return "http://" + (ip.contains(":") ? "[" + ip + "]" : ip) + ":" + local.getPort() + "/";
  }

  private static boolean acceptsGzip(String acceptEncoding) {
    Boolean known = GZIP_OF_ENCODING.get(acceptEncoding);
    return known != null ? known
        : remember(GZIP_OF_ENCODING, acceptEncoding, parseAcceptsGzip(acceptEncoding));
  }

  private static <V> V remember(Map<String, V> memo, String key, V value) {
    if (memo.size() < MEMO_LIMIT) {
      memo.put(key, value);
    }
    return value;
  }

  private static boolean parseAcceptsGzip(String acceptEncoding) {
    for (String part : acceptEncoding.split(",")) {
      String[] bits = part.trim().split(";");
      if (bits[0].trim().equalsIgnoreCase("gzip")) {
        return bits.length < 2 || !bits[1].replace(" ", "").equals("q=0");
      }
    }
    return false;
  }
}
