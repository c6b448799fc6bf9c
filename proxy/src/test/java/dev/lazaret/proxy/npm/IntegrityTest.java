package dev.lazaret.proxy.npm;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class IntegrityTest {

  private static final byte[] DATA = "hello".getBytes();

  @Test
  void prefersSha512FromSri() throws Exception {
    byte[] sha512 = MessageDigest.getInstance("SHA-512").digest(DATA);
    String sri = "sha1-abc sha512-" + Base64.getEncoder().encodeToString(sha512);
    var digest = Integrity.expected(sri, "0".repeat(40)).orElseThrow();
    assertThat(digest.algorithm()).isEqualTo("SHA-512");
    assertThat(digest.value()).isEqualTo(sha512);
    assertThat(Integrity.sri(digest)).isEqualTo("sha512-" + Base64.getEncoder().encodeToString(sha512));
  }

  @Test
  void fallsBackToShasum() throws Exception {
    byte[] sha1 = MessageDigest.getInstance("SHA-1").digest(DATA);
    var digest = Integrity.expected(null, HexFormat.of().formatHex(sha1)).orElseThrow();
    assertThat(digest.algorithm()).isEqualTo("SHA-1");
    assertThat(digest.value()).isEqualTo(sha1);
  }

  @Test
  void malformedIntegrityWithoutShasumIsEmpty() {
    assertThat(Integrity.expected("sha512-!!!", null)).isEmpty();
    assertThat(Integrity.expected(null, "xyz")).isEmpty();
  }
}
