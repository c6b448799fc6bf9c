package dev.lazaret.proxy.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** pnpm specifics against {@link FakeUpstream}: its audit still uses the legacy quick endpoint. */
@Tag("e2e")
class PnpmCliE2eTest {

  @Test
  void auditAcceptsTheQuickAuditReport() {
    Corpus corpus = PackageGenerator.seeded(9).corpus();
    try (FakeUpstream upstream = FakeUpstream.start().publish(corpus);
         PnpmCli pnpm = PnpmCli.against(upstream.url())) {
      pnpm.install(corpus.root()).orFail();

      CommandResult audit = pnpm.run("audit", "--json");

      assertThat(audit.exitCode()).as(audit::describe).isZero();
      assertThat(audit.stdout()).contains("\"vulnerabilities\"");
      assertThat(upstream.requestCount("/-/npm/v1/security/audits/quick")).isEqualTo(1);
    }
  }
}
