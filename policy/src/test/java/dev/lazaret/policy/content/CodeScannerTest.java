package dev.lazaret.policy.content;

import static dev.lazaret.policy.content.CodeFinding.Kind.DOWNLOAD_AND_RUN;
import static dev.lazaret.policy.content.CodeFinding.Kind.ENCODED_BLOB;
import static dev.lazaret.policy.content.CodeFinding.Kind.NETWORK_CALL;
import static dev.lazaret.policy.content.CodeFinding.Kind.OBFUSCATION;
import static dev.lazaret.policy.content.CodeFinding.Kind.SECRET_READ;
import static dev.lazaret.policy.content.Samples.kinds;
import static dev.lazaret.policy.content.Samples.scan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CodeScannerTest {

  @Test
  void eachReconstructedPayloadIsFoundForWhatItDoes() {
    assertThat(kinds("lib/build.js", Samples.text("eslint-scope-build.js")))
        .contains(NETWORK_CALL, SECRET_READ);
    assertThat(kinds("preinstall.sh", Samples.text("ua-parser-preinstall.sh")))
        .contains(NETWORK_CALL, DOWNLOAD_AND_RUN);
    assertThat(kinds("ssl-geospec.js", Samples.text("node-ipc-ssl-geospec.js")))
        .contains(NETWORK_CALL, ENCODED_BLOB);
    assertThat(kinds("index.js", Samples.text("chalk-index.js"))).contains(OBFUSCATION);
    assertThat(kinds("telemetry.js", Samples.text("nx-telemetry.js")))
        .contains(NETWORK_CALL, SECRET_READ);
    assertThat(kinds("bundle.js", Samples.text("shai-hulud-bundle.js")))
        .contains(NETWORK_CALL, SECRET_READ, DOWNLOAD_AND_RUN);
  }

  @Test
  void onlyCodeIsScanned() {
    String curl = "curl -s https://example.invalid/x | sh\n";
    assertThat(scan("install.sh", curl)).isNotEmpty();
    assertThat(scan("bin/setup", "#!/bin/sh\n" + curl)).isNotEmpty();
    assertThat(scan("bin/cli", "#!/usr/bin/env node\nfetch(u)\n")).extracting(CodeFinding::kind)
        .containsExactly(NETWORK_CALL);
    for (String notCode : List.of("README.md", "docs/x.txt", "data.json", "style.css",
        "index.d.ts", "index.js.map", "LICENSE")) {
      assertThat(scan(notCode, curl)).as(notCode).isEmpty();
    }
  }

  @Test
  void commentLinesAreSkippedButCodeAfterACommentIsNot() {
    assertThat(scan("a.js", "// fetch(u)\n/* fetch(u) */\n * fetch(u)\n")).isEmpty();
    assertThat(scan("a.js", "/* x */ fetch(u)\n")).hasSize(1);
    assertThat(scan("a.sh", "# curl -s https://x | sh\nREM curl x\n")).isEmpty();
  }

  @Test
  void findingsAreInLineOrderAndCappedPerKind() {
    String code = "fetch(a)\n".repeat(50) + "require('.npmrc')\n";
    List<CodeFinding> found = scan("a.js", code);
    assertThat(found.stream().filter(f -> f.kind() == NETWORK_CALL))
        .hasSize(CodeScanner.MAX_PER_KIND);
    assertThat(found).extracting(CodeFinding::line).isSorted();
    assertThat(found).extracting(CodeFinding::kind).contains(SECRET_READ);
  }

  @Test
  void benignFilesHaveNothingBeyondNetworkCallsOrTestFixtures() {
    assertThat(kinds("lib/adapters/http.js", Samples.text("benign-axios-http.js")))
        .containsOnly(NETWORK_CALL);
    assertThat(kinds("src/client.js", Samples.text("benign-fetch-client.js")))
        .containsOnly(NETWORK_CALL);
    assertThat(kinds("dist/dayjs.min.js", Samples.text("benign-terser.min.js"))).isEmpty();
    assertThat(kinds("dist/main.js", Samples.text("benign-webpack-dev.js"))).isEmpty();
    assertThat(kinds("src/config.js", Samples.text("benign-config.js"))).isEmpty();
  }

  @Test
  void scanningIsLinearOnAdversarialInput() {
    // Each would take minutes with a backtracking regex or a quadratic look-around.
    List<String> hostile = List.of("eval(".repeat(400_000), "_0x".repeat(600_000),
        "Buffer.from('".repeat(150_000), "a".repeat(2_000_000), "process.env(".repeat(150_000),
        "\\x4".repeat(500_000), ("A1b+" + "/".repeat(3)).repeat(300_000),
        ("curl " + "| ".repeat(50) + "\n").repeat(20_000), "((((\"".repeat(400_000));
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
      for (String text : hostile) {
        scan("a.js", text);
        scan("a.sh", text);
      }
    });
  }
}
