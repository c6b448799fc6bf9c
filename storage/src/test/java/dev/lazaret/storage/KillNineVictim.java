package dev.lazaret.storage;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;

/** The child process {@link KillNineTest} kills: writes, says so, then waits to be killed. */
final class KillNineVictim {

  static final String READY = "written, kill me";
  static final String PACKAGE = "survivor";
  static final byte[] JSON = "{\"name\":\"survivor\"}".getBytes(StandardCharsets.UTF_8);
  static final byte[] COMMITTED = TarballStoreContract.randomBytes(600_000, 1);
  static final byte[] PARTIAL = TarballStoreContract.randomBytes(700_000, 2);
  static final byte[] HOLD = "{\"held\":true}".getBytes(StandardCharsets.UTF_8);
  static final Instant AUDITED_AT = Instant.parse("2026-03-01T10:00:00Z");

  private KillNineVictim() {}

  public static void main(String[] args) throws InterruptedException {
    Storage storage = Storage.open(StorageOptions.defaults(Path.of(args[0])));
    storage.packuments().put(PACKAGE, new CachedPackument(JSON, "\"s\"", null, Instant.now()));
    TarballWriter committed = storage.tarballs().begin();
    committed.append(ByteBuffer.wrap(COMMITTED));
    committed.commit(TarballStoreContract.sha512(COMMITTED));
    storage.writeAtomically(batch -> batch
        .put("holds", PACKAGE, HOLD)
        .appendAudit(AUDITED_AT, HOLD));
    TarballWriter partial = storage.tarballs().begin();
    partial.append(ByteBuffer.wrap(PARTIAL));
    System.out.println(READY);
    System.out.flush();
    Thread.sleep(120_000);
  }
}
