package dev.lazaret.policy.content;

import static dev.lazaret.policy.content.CodeFinding.Kind.ENCODED_BLOB;
import static dev.lazaret.policy.content.Samples.scan;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class EncodedBlobsTest {

  private static String base64(int bytes) {
    byte[] b = new byte[bytes];
    for (int i = 0; i < bytes; i++) {
      b[i] = (byte) (i * 31 + 7);
    }
    return Base64.getEncoder().encodeToString(b);
  }

  @Test
  void aLongBase64OrHexLiteralIsABlob() {
    assertThat(scan("a.js", "const p = \"" + base64(300) + "\";", ENCODED_BLOB)).hasSize(1);
    assertThat(scan("a.js", "const p = '" + "0123456789abcdef".repeat(20) + "';", ENCODED_BLOB))
        .hasSize(1);
  }

  @Test
  void hashesIntegrityStringsAndWordsAreNot() {
    assertThat(scan("a.js", "const h = 'sha512-" + base64(64) + "';\n"
        + "const s = '" + "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        + "';\nconst w = '" + "abcdefghij".repeat(30) + "';", ENCODED_BLOB)).isEmpty();
  }

  @Test
  void aLiteralDecodedAtRunTimeIsABlobHoweverShort() {
    // node-ipc 10.1.1 hid its URL and the country names it looked for this way.
    assertThat(scan("ssl-geospec.js", Samples.text("node-ipc-ssl-geospec.js"), ENCODED_BLOB))
        .isNotEmpty();
    assertThat(scan("a.js", "const c = atob(\"cnVzc2lh\");", ENCODED_BLOB)).hasSize(1);
    assertThat(scan("a.js", "const b = Buffer.from(s, 'base64'); Buffer.from('abc');",
        ENCODED_BLOB)).isEmpty();
  }

  @Test
  void longHexEscapedStringsAreBlobs() {
    assertThat(scan("a.js", "var s = \"" + "\\x68\\x74".repeat(20) + "\";", ENCODED_BLOB))
        .hasSize(1);
  }

  @Test
  void inertDataUrisAndCssAreNot() {
    assertThat(scan("font.css", Samples.text("benign-font.css"))).isEmpty();
    assertThat(scan("main.js", Samples.text("benign-webpack-dev.js"), ENCODED_BLOB)).isEmpty();
    assertThat(scan("dayjs.min.js", Samples.text("benign-terser.min.js"), ENCODED_BLOB))
        .isEmpty();
    assertThat(scan("a.js", "import(\"data:text/javascript;base64," + base64(300) + "\")",
        ENCODED_BLOB)).hasSize(1);
  }
}
