package dev.lazaret.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write that returned survives {@code kill -9} of the process (the WAL is enough, no flush or
 * close needed), atomic record batches included, and a download the kill interrupted is gone after
 * the next open.
 */
class KillNineTest {

  @TempDir Path dir;

  @Test
  void writesThatReturnedSurviveKillNineAndPartialDownloadsVanish() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process victim = new ProcessBuilder(java.toString(), "--enable-native-access=ALL-UNNAMED",
        "-cp", System.getProperty("java.class.path"), KillNineVictim.class.getName(), dir.toString())
        .redirectErrorStream(true)
        .start();
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(victim.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null && !line.equals(KillNineVictim.READY)) {
        // Skip anything the child logs before it is ready.
      }
      assertThat(line).as("child output before it was killed").isEqualTo(KillNineVictim.READY);
      victim.destroyForcibly(); // SIGKILL: no shutdown hooks, no close, no flush.
      assertThat(victim.waitFor(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      victim.destroyForcibly();
    }

    try (Storage storage = Storage.open(StorageOptions.defaults(dir))) {
      assertThat(storage.packuments().get(KillNineVictim.PACKAGE))
          .hasValueSatisfying(p -> assertThat(p.json()).isEqualTo(KillNineVictim.JSON));
      assertThat(TarballStoreContract.readAll(
          storage.tarballs().find(TarballStoreContract.sha512(KillNineVictim.COMMITTED)).orElseThrow()))
          .isEqualTo(KillNineVictim.COMMITTED);
      assertThat(storage.tarballs().find(TarballStoreContract.sha512(KillNineVictim.PARTIAL))).isEmpty();
      assertThat(storage.tarballs().storedBytes()).isEqualTo(KillNineVictim.COMMITTED.length);
      assertThat(storage.records("holds").get(KillNineVictim.PACKAGE))
          .hasValueSatisfying(v -> assertThat(v).isEqualTo(KillNineVictim.HOLD));
      assertThat(storage.auditLog().after(0, 10))
          .containsExactly(new AuditEntry(1, KillNineVictim.AUDITED_AT, KillNineVictim.HOLD));
      assertThat(storage.auditLog().append(Instant.now(), new byte[0]).sequence()).isEqualTo(2);
    }
  }
}
