package dev.lazaret.proxy.registry;

/**
 * A JSON document to send and where it came from. The view is acquired for this one response:
 * whoever sends it releases it once the write is done ({@link View#release}).
 *
 * @param view        the bytes and ETag
 * @param status      how the underlying packument was obtained
 * @param staleReason why the upstream was not asked, when stale
 */
public record Served(View view, CacheStatus status, String staleReason) {}
