package dev.lazaret.proxy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** {@code holds show} prints the tarball diff: files with sizes, text diffs, install scripts. */
class ExplanationTextFilesTest {

  private static String printed(String json) throws Exception {
    JsonNode e = new ObjectMapper().readTree(json);
    StringWriter text = new StringWriter();
    try (PrintWriter out = new PrintWriter(text)) {
      new ExplanationText(out, new ShownTimes(AdminCliFixture.NOW)).print(e);
    }
    return text.toString();
  }

  @Test
  void printsFilesScriptsAndTheContentOfWhatTheyRun() throws Exception {
    String out = printed("""
        {"package": "steady-lib", "version": "1.2.0", "verdict": "hold",
         "diff": {"against": "1.1.0", "files": {"against": "1.1.0",
           "added": [{"path": "collect.js", "size": 42}],
           "removed": [{"path": "old.md", "size": 3}],
           "changed": [{"path": "README.md", "from": 9, "to": 20,
                        "diff": "@@ -1,1 +1,2 @@\\n # steady\\n+now faster\\n"}],
           "installScripts": {"added": {"postinstall": "node collect.js"},
                              "removed": {}, "changed": {}},
           "scriptFiles": {"collect.js": "steal(process.env);"},
           "nativeBinaries": [], "omitted": 0, "incomplete": null}}}""");

    assertThat(out).contains("""
          file added: collect.js (42 bytes)
          file removed: old.md (3 bytes)
          file changed: README.md (9 -> 20 bytes)
              @@ -1,1 +1,2 @@
               # steady
              +now faster
        """).contains("""
          install script added: postinstall: node collect.js
          run by an install script: collect.js
              steal(process.env);
        """).doesNotContain("not inspected yet").doesNotContain("files compared with");
  }

  @Test
  void saysWhenTheInspectionStoppedEarly() throws Exception {
    String out = printed("""
        {"package": "p", "version": "2.0.0", "verdict": "hold",
         "diff": {"against": "1.0.0", "files": {"against": "0.9.0", "added": [],
           "removed": [], "changed": [], "installScripts": {}, "scriptFiles": {},
           "nativeBinaries": ["build/x.node"], "omitted": 3,
           "incomplete": "this version: more than 10000 entries"}}}""");

    assertThat(out).contains("files compared with 0.9.0")
        .contains("files: inspection incomplete: this version: more than 10000 entries")
        .contains("native binary added or changed: build/x.node")
        .contains("3 more file changes not listed");
  }
}
