package dev.lazaret.proxy.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TarballTest {

  private static final Map<String, byte[]> FILES = Map.of(
      "package.json", "{\"name\":\"a\",\"version\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8),
      "index.js", "module.exports = 1;\n".getBytes(StandardCharsets.UTF_8));

  @Test
  void packsEntriesUnderPackageInSortedOrder() {
    Map<String, byte[]> entries = Tarball.unpack(Tarball.pack(FILES).bytes());

    assertThat(entries.keySet()).containsExactly("package/index.js", "package/package.json");
    assertThat(new String(entries.get("package/index.js"), StandardCharsets.UTF_8))
        .isEqualTo("module.exports = 1;\n");
  }

  @Test
  void isByteForByteDeterministicWithATimelessGzipHeader() {
    byte[] first = Tarball.pack(FILES).bytes();
    byte[] second = Tarball.pack(Map.copyOf(FILES)).bytes();

    assertThat(first).isEqualTo(second);
    assertThat(Arrays.copyOf(first, 10))
        .containsExactly(0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 2, 255);
  }

  @Test
  void digestsAreSriSha512AndHexSha1OfTheBytes() throws Exception {
    Tarball tarball = Tarball.pack(FILES);
    byte[] bytes = tarball.bytes();

    assertThat(tarball.integrity()).isEqualTo("sha512-" + Base64.getEncoder()
        .encodeToString(MessageDigest.getInstance("SHA-512").digest(bytes)));
    assertThat(tarball.shasum()).isEqualTo(
        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes)));
  }

  @Test
  void rejectsBytesThatAreNotATgz() {
    assertThatThrownBy(() -> Tarball.unpack("nope".getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("not a valid tgz");
  }
}
