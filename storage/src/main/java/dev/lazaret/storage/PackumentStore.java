package dev.lazaret.storage;

import java.time.Instant;
import java.util.Optional;

/**
 * Durable packument cache, one entry per package name. Every write is atomic: a reader (or a
 * restart after a crash) sees either the previous entry or the new one, never a mix.
 */
public interface PackumentStore {

  /** The stored packument for {@code name} (case-sensitive, scoped names as {@code @scope/name}). */
  Optional<CachedPackument> get(String name);

  /** Stores {@code packument} as the current entry for {@code name}, replacing any previous one. */
  void put(String name, CachedPackument packument);

  /**
   * Records that the upstream confirmed the stored document unchanged at {@code when} without
   * rewriting the (possibly multi-MiB) body. Does nothing if there is no entry.
   */
  void markRevalidated(String name, Instant when);

  /** Removes the entry for {@code name} (the package is gone upstream). */
  void delete(String name);
}
