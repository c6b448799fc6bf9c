package dev.lazaret.proxy.quarantine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lazaret.proxy.testing.PrivatePostgres;
import dev.lazaret.storage.RemovedVersion;
import dev.lazaret.storage.RemovedVersionLog;
import dev.lazaret.storage.RemovedVersionLogContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The removed-version contract against PostgreSQL (as the embedded log keeps it), plus what
 * sharing adds: two nodes see one log, and the first record wins across them.
 */
class PgRemovedVersionLogTest extends RemovedVersionLogContract {

  private String url;
  private PgState nodeA;
  private PgState nodeB;

  @BeforeEach
  void open() {
    PrivatePostgres postgres = PrivatePostgres.shared();
    url = "postgresql://" + PrivatePostgres.USER + "@127.0.0.1:" + postgres.port() + "/"
        + postgres.newDatabase();
    nodeA = PgState.open(url, null, "a");
    nodeB = PgState.open(url, null, "b");
  }

  @AfterEach
  void close() {
    nodeA.close();
    nodeB.close();
  }

  @Override
  protected RemovedVersionLog log() {
    return nodeA.removedVersions();
  }

  @Test
  void twoNodesShareOneLogAndTheFirstRecordWinsAcrossThem() {
    RemovedVersion first = new RemovedVersion("evil", "6.6.6", T0, "sha512-x");
    nodeA.removedVersions().record(first);
    nodeB.removedVersions().record(new RemovedVersion("evil", "6.6.6", T0.plusSeconds(5), null));

    assertThat(nodeB.removedVersions().forPackage("evil")).containsExactly(first);
  }

  @Test
  void removalsSurviveReopen() {
    RemovedVersion removal = new RemovedVersion("evil", "6.6.6", T0, "sha512-x");
    log().record(removal);
    nodeA.close();
    nodeA = PgState.open(url, null, "a");
    assertThat(log().forPackage("evil")).containsExactly(removal);
  }

  @Test
  void aNameWithNulIsRejected() {
    assertThatThrownBy(() -> log().forPackage("a\0b")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> log().record(new RemovedVersion("a\0b", "1.0.0", T0, null)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
