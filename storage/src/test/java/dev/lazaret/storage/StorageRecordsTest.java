package dev.lazaret.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The record contract through {@link Storage}, plus durability and atomic batches with the audit log. */
class StorageRecordsTest extends RecordSpaceContract {

  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

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
  protected RecordSpace space(String name) {
    return storage.records(name);
  }

  private void reopen() {
    storage.close();
    storage = Storage.open(StorageOptions.defaults(dir));
  }

  @Test
  void recordsSurviveReopen() {
    space("holds").put("evil@1.0.0", bytes("held"));
    space("holds").put("gone", bytes("x"));
    space("holds").delete("gone");
    reopen();
    assertThat(space("holds").get("evil@1.0.0")).hasValueSatisfying(
        v -> assertThat(v).isEqualTo(bytes("held")));
    assertThat(space("holds").get("gone")).isEmpty();
  }

  @Test
  void aBatchStoresRecordsAndAuditEntriesTogether() {
    space("holds").put("old-hold", bytes("held"));
    List<AuditEntry> appended = storage.writeAtomically(batch -> batch
        .put("holds", "evil@1.0.0", bytes("released"))
        .delete("holds", "old-hold")
        .put("decisions", "evil@1.0.0", bytes("allow"))
        .appendAudit(T0, bytes("released evil@1.0.0"))
        .appendAudit(T0.plusSeconds(1), bytes("dropped old-hold")));

    assertThat(appended).containsExactly(
        new AuditEntry(1, T0, bytes("released evil@1.0.0")),
        new AuditEntry(2, T0.plusSeconds(1), bytes("dropped old-hold")));
    assertThat(space("holds").get("evil@1.0.0")).hasValueSatisfying(
        v -> assertThat(v).isEqualTo(bytes("released")));
    assertThat(space("holds").get("old-hold")).isEmpty();
    assertThat(space("decisions").get("evil@1.0.0")).isPresent();
    assertThat(storage.auditLog().after(0, 10)).isEqualTo(appended);
    reopen();
    assertThat(storage.auditLog().after(0, 10)).isEqualTo(appended);
    assertThat(space("holds").get("evil@1.0.0")).isPresent();
  }

  @Test
  void aBatchWithOnlyRecordsUsesNoSequence() {
    assertThat(storage.writeAtomically(batch -> batch.put("rules", "r1", bytes("x")))).isEmpty();
    assertThat(storage.auditLog().lastSequence()).isZero();
    assertThat(space("rules").get("r1")).isPresent();
  }

  @Test
  void aBatchThatFailsHalfwayStoresNothingAndLeavesNoGap() {
    storage.auditLog().append(T0, bytes("before"));
    assertThatThrownBy(() -> storage.writeAtomically(batch -> {
      batch.put("holds", "evil@1.0.0", bytes("released"));
      batch.appendAudit(T0, bytes("released"));
      throw new IllegalStateException("policy check failed mid-batch");
    })).isInstanceOf(IllegalStateException.class).hasMessage("policy check failed mid-batch");

    assertThat(space("holds").get("evil@1.0.0")).isEmpty();
    assertThat(storage.auditLog().lastSequence()).isOne();
    assertThat(storage.auditLog().append(T0, bytes("after")).sequence()).isEqualTo(2);
  }

  @Test
  void anInvalidWriteMidBatchStoresNothing() {
    assertThatThrownBy(() -> storage.writeAtomically(batch -> batch
        .put("holds", "a", bytes("x"))
        .appendAudit(T0, bytes("y"))
        .put("bad\0space", "b", bytes("z"))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(space("holds").get("a")).isEmpty();
    assertThat(storage.auditLog().lastSequence()).isZero();
  }

  @Test
  void theBatchCopiesValuesWhenTheyAreAdded() {
    byte[] reused = bytes("first");
    storage.writeAtomically(batch -> {
      batch.put("holds", "k", reused);
      reused[0] = 'F';
    });
    assertThat(space("holds").get("k")).hasValueSatisfying(
        v -> assertThat(v).isEqualTo(bytes("first")));
  }

  @Test
  void aBatchIsUnusableAfterItsConsumerReturns() {
    AtomicReference<RecordBatch> escaped = new AtomicReference<>();
    storage.writeAtomically(escaped::set);
    assertThatThrownBy(() -> escaped.get().put("holds", "late", bytes("x")))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> escaped.get().appendAudit(T0, bytes("x")))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void recordsAndTheAuditLogFailFastOnceClosed() {
    RecordSpace holds = space("holds");
    AuditLog audit = storage.auditLog();
    storage.close();
    assertThatThrownBy(() -> holds.get("x")).isInstanceOf(StoreException.class)
        .hasMessageContaining("closed");
    assertThatThrownBy(() -> holds.scan("", null, 1)).isInstanceOf(StoreException.class);
    assertThatThrownBy(() -> audit.append(T0, bytes("x"))).isInstanceOf(StoreException.class);
    assertThatThrownBy(() -> audit.since(T0, 1)).isInstanceOf(StoreException.class);
    assertThatThrownBy(() -> storage.writeAtomically(b -> b.appendAudit(T0, bytes("x"))))
        .isInstanceOf(StoreException.class);
    assertThat(audit.lastSequence()).isZero();
  }
}
