package dev.lazaret.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit log contract through {@link Storage}, plus numbering across restarts. */
class StorageAuditLogTest extends AuditLogContract {

  @TempDir Path dir;
  private Storage storage;

  @BeforeEach
  void open() {
    storage = Storage.open(StorageOptions.defaults(dir));
  }

  @AfterEach
  void close() {
    storage.close();
  }

  @Override
  protected AuditLog log() {
    return storage.auditLog();
  }

  private void reopen() {
    storage.close();
    storage = Storage.open(StorageOptions.defaults(dir));
  }

  @Test
  void numberingContinuesAfterReopen() {
    AuditEntry first = log().append(T0, payload("a"));
    log().append(T0, payload("b"));
    reopen();
    assertThat(log().lastSequence()).isEqualTo(2);
    assertThat(log().append(T0, payload("c")).sequence()).isEqualTo(3);
    reopen();
    assertThat(log().append(T0, payload("d")).sequence()).isEqualTo(4);
    assertThat(log().after(0, 10)).hasSize(4).first().isEqualTo(first);
    assertThat(log().since(T0, 10)).extracting(AuditEntry::sequence).containsExactly(1L, 2L, 3L, 4L);
  }
}
