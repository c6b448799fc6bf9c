package dev.lazaret.storage;

import java.util.Optional;

/** Durable, content-addressed tarball cache: bytes are stored once per digest and never change. */
public interface TarballStore {

  /** The committed tarball with this digest, if stored. */
  Optional<StoredTarball> find(TarballDigest digest);

  /** Starts staging a new download. */
  TarballWriter begin();

  /** The chunk size in bytes used for new tarballs. */
  int chunkSize();
}
