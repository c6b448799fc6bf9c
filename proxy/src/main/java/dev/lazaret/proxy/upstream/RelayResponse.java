package dev.lazaret.proxy.upstream;

import java.util.Map;

/**
 * The upstream's answer to a relayed request (search, audit, keys, attestations).
 *
 * @param status  HTTP status
 * @param headers the response headers worth passing on (content type and encoding)
 * @param body    the body as received
 */
public record RelayResponse(int status, Map<String, String> headers, byte[] body) {}
