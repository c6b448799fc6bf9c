package dev.lazaret.policy.content;

import static dev.lazaret.policy.content.CodeFinding.Kind.SECRET_READ;
import static dev.lazaret.policy.content.Samples.scan;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretReadsTest {

  private static String what(String path, String text) {
    return FindingPhrases.of(scan(path, text, SECRET_READ).getFirst());
  }

  @Test
  void readingNpmrcTokensAndKeysIsASecretRead() {
    assertThat(what("a.js", "fs.readFileSync(path.join(os.homedir(), '.npmrc'))"))
        .isEqualTo("reads ~/.npmrc");
    assertThat(what("a.js", "const t = process.env.NPM_TOKEN;")).isEqualTo("reads npm tokens");
    assertThat(what("a.js", "readFileSync(home + '/.ssh/id_rsa')")).isEqualTo("reads SSH keys");
    assertThat(what("a.js", "spawnSync('gh', ['auth', 'token'])"))
        .isEqualTo("reads GitHub credentials");
    assertThat(what("a.sh", "cat ~/.aws/credentials")).isEqualTo("reads cloud credentials");
  }

  @Test
  void oneVariableIsConfigurationNotASecret() {
    assertThat(scan("config.js", Samples.text("benign-config.js"), SECRET_READ)).isEmpty();
    assertThat(scan("a.js", "spawn(cmd, args, { env: { ...process.env, CI: '1' } });"
        + " const o = Object.assign({}, process.env);", SECRET_READ)).isEmpty();
  }

  @Test
  void serialisingOrEnumeratingTheWholeEnvironmentIsASecretRead() {
    assertThat(what("a.js", "post(url, JSON.stringify(process.env))"))
        .isEqualTo("reads the whole environment");
    assertThat(what("a.js", "for (const k of Object.keys( process.env )) send(k)"))
        .isEqualTo("reads the whole environment");
    assertThat(what("a.js", "for (k in process.env) out[k] = 1")).isEqualTo(
        "reads the whole environment");
    assertThat(scan("a.js", "x=Object.entries(process.env)", SECRET_READ).getFirst().excerpt())
        .isEqualTo("Object.entries(process.env");
    assertThat(what("a.sh", "printenv | base64")).isEqualTo("reads the whole environment");
  }

  @Test
  void propertyNamesAndCommentsAreNot() {
    assertThat(scan("a.js", "opts.npmrc = true; config.ssh = false;\n"
        + "// reads the token from ~/.npmrc\n * and NPM_TOKEN\n", SECRET_READ)).isEmpty();
  }

  @Test
  void aMinifiedLineReadingSeveralSecretsSaysEach() {
    assertThat(scan("bundle.js", Samples.text("shai-hulud-bundle.js"), SECRET_READ))
        .map(FindingPhrases::of).contains("reads ~/.npmrc", "reads npm tokens",
            "reads GitHub credentials", "reads cloud credentials", "reads the whole environment");
  }
}
