package dev.lazaret.policy.content;

import static dev.lazaret.policy.content.Samples.scan;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NewFindingsTest {

  @Test
  void anEditedLineAroundALongStandingCallIsNotNew() {
    List<CodeFinding> before = scan("install.js", "const https = require('https'); // 1.0.0");
    List<CodeFinding> after = scan("install.js", "const https = require('https'); // 2.0.0\n"
        + "https.get(url);");
    assertThat(NewFindings.of(before, after)).isEmpty();
  }

  @Test
  void aNewMeaningIsNew() {
    List<CodeFinding> before = scan("index.js", "fetch(u)");
    List<CodeFinding> after = scan("index.js", "fetch(u)\nfs.readFileSync(home + '/.npmrc')\n"
        + "fetch(v, {body: JSON.stringify(process.env)})");
    assertThat(NewFindings.of(before, after)).extracting(FindingPhrases::of)
        .containsExactly("reads ~/.npmrc", "reads the whole environment");
  }

  @Test
  void everythingInAnAddedFileIsNew() {
    List<CodeFinding> after = scan("x.js", "fetch(u)");
    assertThat(NewFindings.of(List.of(), after)).isEqualTo(after);
  }
}
