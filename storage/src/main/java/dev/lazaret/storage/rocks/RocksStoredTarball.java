package dev.lazaret.storage.rocks;

import dev.lazaret.storage.StoredTarball;
import dev.lazaret.storage.TarballDigest;
import java.nio.ByteBuffer;

/** A committed tarball; holds only its manifest and reads each chunk from RocksDB on demand. */
final class RocksStoredTarball implements StoredTarball {

  private final RocksTarballStore store;
  private final TarballDigest digest;
  private final TarballManifest manifest;

  RocksStoredTarball(RocksTarballStore store, TarballDigest digest, TarballManifest manifest) {
    this.store = store;
    this.digest = digest;
    this.manifest = manifest;
  }

  @Override
  public TarballDigest digest() {
    return digest;
  }

  @Override
  public long size() {
    return manifest.size();
  }

  @Override
  public int chunkSize() {
    return manifest.chunkSize();
  }

  @Override
  public int chunkCount() {
    return manifest.chunkCount();
  }

  /** A fresh heap buffer, owned by the caller, holding exactly the chunk's bytes. */
  @Override
  public ByteBuffer readChunk(int index) {
    if (index < 0 || index >= manifest.chunkCount()) {
      throw new IndexOutOfBoundsException(
          "chunk " + index + " of tarball " + digest + " requested; it has " + manifest.chunkCount());
    }
    return store.readChunk(manifest.stagingId(), index, manifest.lengthOf(index), "tarball " + digest);
  }

  @Override
  public int readChunkInto(int index, ByteBuffer target) {
    if (index < 0 || index >= manifest.chunkCount()) {
      throw new IndexOutOfBoundsException(
          "chunk " + index + " of tarball " + digest + " requested; it has " + manifest.chunkCount());
    }
    return store.readChunkInto(manifest.stagingId(), index, manifest.lengthOf(index), target,
        "tarball " + digest);
  }

  @Override
  public String toString() {
    return "tarball " + digest + " (" + manifest.size() + " bytes)";
  }
}
