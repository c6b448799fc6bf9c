package dev.lazaret.storage;

import java.util.List;

/** Append-only record of versions that vanished upstream; entries are never rewritten. */
public interface RemovedVersionLog {

  /** Records a removal; recording the same name and version again keeps the first record. */
  void record(RemovedVersion removal);

  /** Every recorded removal of versions of {@code name}, oldest first. */
  List<RemovedVersion> forPackage(String name);
}
