package dev.lazaret.proxy.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazaret.proxy.it.RunningProxy;
import dev.lazaret.proxy.testing.FakeUpstream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console's files on the admin listener: types, headers, no token, nothing else served. */
class ConsoleFilesTest {

  private static final List<String> SCRIPTS = List.of("app.js", "api.js", "dom.js", "holds.js",
      "detail.js", "diff.js", "audit.js", "rules.js", "groups.js", "times.js");

  @TempDir Path data;

  @Test
  void servesThePageAndItsAssetsWithoutATokenAndWithStrictHeaders() {
    try (FakeUpstream upstream = FakeUpstream.start();
         RunningProxy proxy = RunningProxy.start(upstream, data)) {
      HttpResponse<byte[]> page = proxy.getAdmin("/");
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(header(page, "content-type")).isEqualTo("text/html; charset=utf-8");
      assertThat(header(page, "content-security-policy")).startsWith("default-src 'self'")
          .contains("frame-ancestors 'none'");
      assertThat(header(page, "x-content-type-options")).isEqualTo("nosniff");
      // The admin listener may make it stricter (no-store); it must never be cacheable as is.
      assertThat(header(page, "cache-control")).containsAnyOf("no-cache", "no-store");
      String html = new String(page.body(), StandardCharsets.UTF_8);
      assertThat(html).contains("<script type=\"module\" src=\"/console/app.js\"></script>");
      // No inline script: every <script> has a src (the CSP would refuse it anyway).
      assertThat(html).doesNotContainPattern("<script(?![^>]*\\ssrc=)");

      assertThat(header(proxy.getAdmin("/console/app.js"), "content-type"))
          .isEqualTo("text/javascript; charset=utf-8");
      assertThat(header(proxy.getAdmin("/console/console.css"), "content-type"))
          .isEqualTo("text/css; charset=utf-8");
      assertThat(header(proxy.getAdmin("/console/icon.svg"), "content-type"))
          .isEqualTo("image/svg+xml");
    }
  }

  @Test
  void servesOnlyFlatConsoleFileNames() {
    try (FakeUpstream upstream = FakeUpstream.start();
         RunningProxy proxy = RunningProxy.start(upstream, data)) {
      for (String path : List.of("/console/", "/console/missing.js", "/console/x/app.js",
          "/console/..%2Flogback.xml", "/console/%2e%2e/logback.xml", "/console/App.JS",
          "/console/index.html.bak", "/index.html")) {
        assertThat(proxy.getAdmin(path).statusCode()).as(path).isEqualTo(404);
      }
    }
  }

  @Test
  void everyScriptBuildsTheDomWithoutMarkupStringsAndEveryImportExists() throws IOException {
    Pattern imports = Pattern.compile("from '\\./([a-z-]+\\.js)'");
    for (String name : SCRIPTS) {
      String js = resource(name);
      // Data reaches the page as text nodes only (see dom.js); these would parse it as markup.
      assertThat(js).as(name).doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML",
          "document.write", "eval(", "new Function");
      Matcher m = imports.matcher(js);
      while (m.find()) {
        assertThat(SCRIPTS).as(name + " imports " + m.group(1)).contains(m.group(1));
      }
    }
  }

  private static String header(HttpResponse<?> response, String name) {
    return response.headers().firstValue(name).orElse("");
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = ConsoleFiles.class.getClassLoader()
        .getResourceAsStream("console/" + name)) {
      assertThat(in).as("console/" + name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
