package dev.lazaret.storage.rocks;

import java.nio.charset.StandardCharsets;

/**
 * The column families of Lazaret's single RocksDB database. Each holds one kind of record so that
 * each can be tuned on its own: compressed JSON, incompressible gzip chunks, tiny metadata.
 */
enum Family {
  /** Package name -> the packument JSON exactly as fetched (multi-MiB for popular packages). */
  PACKUMENT_BODIES("packument-bodies"),
  /** Package name -> {@link PackumentMeta}; small, so revalidation never rewrites a body. */
  PACKUMENT_META("packument-meta"),
  /** {@link ChunkKey} (staging id, chunk index) -> up to one chunk of tarball bytes. */
  TARBALL_CHUNKS("tarball-chunks"),
  /** Digest key -> {@link TarballManifest}; a tarball exists for readers once this is written. */
  TARBALL_MANIFESTS("tarball-manifests"),
  /** Staging id -> start time; present while a download is in flight, so crashes can be swept. */
  TARBALL_STAGING("tarball-staging"),
  /** Package name, NUL, version -> when it vanished upstream and what integrity it had. */
  REMOVED_VERSIONS("removed-versions"),
  /** Space, NUL, key -> the caller's opaque bytes; see {@link RecordKey}. Never evicted. */
  RECORDS("records"),
  /** Sequence (8 bytes, big-endian) -> {@link AuditRecord}; append-only. */
  AUDIT_LOG("audit-log"),
  /** Time, then sequence -> nothing: the audit log's index by the entries' own times. */
  AUDIT_BY_TIME("audit-by-time"),
  /** Digest key -> when the committed tarball was last found; written in batches, not per read. */
  TARBALL_ACCESS("tarball-access");

  private final String label;

  Family(String label) {
    this.label = label;
  }

  /** The name RocksDB stores; never change it, or existing data becomes unreachable. */
  String label() {
    return label;
  }

  byte[] nameBytes() {
    return label.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return label;
  }
}
