package dev.lazaret.proxy.quarantine;

import dev.lazaret.proxy.testing.PrivatePostgres;
import dev.lazaret.storage.AuditLog;
import dev.lazaret.storage.AuditLogContract;
import org.junit.jupiter.api.BeforeEach;

/** The PostgreSQL audit log keeps the storage module's audit log contract (gap-free numbers). */
class PgAuditLogTest extends AuditLogContract {

  private AuditLog log;

  @BeforeEach
  void open() {
    PrivatePostgres postgres = PrivatePostgres.shared();
    log = PgQuarantineState.open(postgres.dataSource(postgres.newDatabase()), "node-a").audit();
  }

  @Override
  protected AuditLog log() {
    return log;
  }
}
