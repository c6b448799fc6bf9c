package dev.lazaret.proxy.registry;

/**
 * A JSON document to send and where it came from.
 *
 * @param view        the bytes and ETag
 * @param status      how the underlying packument was obtained
 * @param staleReason why the upstream was not asked, when stale
 */
public record Served(View view, CacheStatus status, String staleReason) {}
