package dev.lazaret.policy.content;

import static dev.lazaret.policy.content.CodeFinding.Kind.NETWORK_CALL;
import static dev.lazaret.policy.content.Samples.scan;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NetworkCallsTest {

  @Test
  void requiringOrImportingANetworkModuleIsANetworkCall() {
    assertThat(scan("a.js", "const h = require('https');", NETWORK_CALL)).hasSize(1);
    assertThat(scan("a.js", "const h = require( \"node:http\" );", NETWORK_CALL)).hasSize(1);
    assertThat(scan("a.mjs", "import o from\"net\";", NETWORK_CALL)).hasSize(1);
    assertThat(scan("a.js", "const m = await import('undici');", NETWORK_CALL)).hasSize(1);
  }

  @Test
  void otherModulesAndArrayFromAreNot() {
    assertThat(scan("a.js", "const fs = require('fs'); const p = require('./http');"
        + " const xs = Array.from(ys);", NETWORK_CALL)).isEmpty();
  }

  @Test
  void fetchAndDownloadToolsAreNetworkCallsButNotNamesThatContainThem() {
    assertThat(scan("a.js", "await fetch(url)", NETWORK_CALL)).hasSize(1);
    assertThat(scan("a.js", "prefetch(url); refetch(x);", NETWORK_CALL)).isEmpty();
    assertThat(scan("i.sh", "curl -fsSL https://example.invalid/x -o x", NETWORK_CALL))
        .hasSize(1);
    assertThat(scan("i.ps1", "Invoke-WebRequest -Uri $u -OutFile x.exe", NETWORK_CALL))
        .hasSize(1);
  }

  @Test
  void anAxiosLikeAdapterMakesNetworkCalls() {
    // Found, and fine: SuspiciousCode judges a network call by where it is, not that it is.
    assertThat(scan("lib/adapters/http.js", Samples.text("benign-axios-http.js"), NETWORK_CALL))
        .extracting(CodeFinding::line).containsExactly(3, 4);
  }

  @Test
  void excerptsShowTheCallWithItsLine() {
    CodeFinding f = scan("x.js", "'use strict';\nvar http = require('http');\n", NETWORK_CALL)
        .getFirst();
    assertThat(f.path()).isEqualTo("x.js");
    assertThat(f.line()).isEqualTo(2);
    assertThat(f.excerpt()).isEqualTo("var http = require('http');");
  }
}
