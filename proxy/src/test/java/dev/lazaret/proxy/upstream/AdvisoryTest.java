package dev.lazaret.proxy.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which advisories count as malware, and reading the endpoint's answer. */
class AdvisoryTest {

  @Test
  void malwareIsCwe506OrAMalwareTitle() {
    assertThat(advisory("Embedded malicious code", List.of("CWE-506")).isMalware()).isTrue();
    assertThat(advisory("Malware in evil-pkg", List.of()).isMalware()).isTrue();
    assertThat(advisory("malware in evil-pkg", List.of()).isMalware()).isTrue();
    assertThat(advisory("Prototype Pollution in lodash", List.of("CWE-1321")).isMalware())
        .isFalse();
    assertThat(advisory("Regular expression denial of service", List.of()).isMalware()).isFalse();
  }

  @Test
  void readsTheBulkAnswer() {
    Map<String, List<Advisory>> answer = BulkAdvisoryJson.answer(bytes("""
        {"evil": [{"id": 1099, "url": "u", "title": "Malware in evil", "severity": "critical",
                   "vulnerable_versions": ">=0", "cwe": ["CWE-506"], "cvss": {"score": 0}}],
         "sparse": [{"id": "GHSA-xxxx", "cwe": "CWE-506"}],
         "none": []}
        """));

    assertThat(answer.get("evil")).containsExactly(new Advisory("1099", "u", "Malware in evil",
        "critical", ">=0", List.of("CWE-506")));
    assertThat(answer.get("sparse")).containsExactly(
        new Advisory("GHSA-xxxx", "", "", "", "", List.of("CWE-506")));
    assertThat(answer.get("none")).isEmpty();
  }

  @Test
  void rejectsAnAnswerOfAnotherShape() {
    for (String doc : List.of("[]", "not json", "{\"x\": {}}",
        "{\"x\": [{\"title\": \"no id\"}]}")) {
      assertThatThrownBy(() -> BulkAdvisoryJson.answer(bytes(doc)))
          .as(doc).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void writesTheRequestNpmSends() {
    byte[] body = BulkAdvisoryJson.request(Map.of("a", List.of("1.0.0"), "b", List.of()));
    assertThat(new String(body, StandardCharsets.UTF_8))
        .isIn("{\"a\":[\"1.0.0\"],\"b\":[]}", "{\"b\":[],\"a\":[\"1.0.0\"]}");
  }

  private static Advisory advisory(String title, List<String> cwe) {
    return new Advisory("1", "", title, "critical", ">=0", cwe);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
