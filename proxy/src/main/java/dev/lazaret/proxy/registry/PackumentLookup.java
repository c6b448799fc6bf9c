package dev.lazaret.proxy.registry;

/**
 * A snapshot and how it was obtained.
 *
 * @param snapshot    the document
 * @param status      hit, miss, revalidated or stale
 * @param staleReason why the upstream could not be asked, when {@code status} is STALE
 */
record PackumentLookup(PackumentSnapshot snapshot, CacheStatus status, String staleReason) {}
