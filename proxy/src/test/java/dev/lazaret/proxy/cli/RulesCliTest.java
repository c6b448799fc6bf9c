package dev.lazaret.proxy.cli;

import static dev.lazaret.proxy.cli.AdminCliFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RulesCliTest {

  private static final String RULES = """
      {"items": [
        {"id": "r1", "effect": "trust", "kind": "scope", "name": "@acme", "version": null,
         "expiresAt": null, "note": "our own packages", "createdBy": "config",
         "createdAt": "2026-11-27T07:00:00Z"},
        {"id": "r2", "effect": "deny", "kind": "package", "name": "event-stream",
         "version": "3.3.6", "expiresAt": "2027-06-30T00:00:00Z", "note": "compromised",
         "createdBy": "alice", "createdAt": "2026-11-27T08:00:00Z"}]}""";

  private static final String ADDED = """
      {"id": "r3", "effect": "deny", "kind": "package", "name": "@acme/ui", "version": "3.3.6",
       "expiresAt": "2027-06-30T00:00:00Z", "note": "bad build", "createdBy": "env",
       "createdAt": "2026-11-27T09:00:00Z"}""";

  private final StubAdminApi api = StubAdminApi.start();
  private final AdminCliFixture cli = new AdminCliFixture(api);

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void listPrintsATable() {
    api.on("GET", "/api/rules", 200, RULES);
    assertThat(cli.run("rules", "list")).isZero();
    assertThat(cli.out()).isEqualTo("""
        ID  EFFECT  KIND     NAME          VERSION  EXPIRES                                \
        BY      NOTE
        r1  trust   scope    @acme         -        -                                      \
        config  our own packages
        r2  deny    package  event-stream  3.3.6    in 214 days (2027-06-30 00:00:00 UTC)  \
        alice   compromised
        """);
  }

  @Test
  void listJsonPrintsTheApisJson() throws IOException {
    api.on("GET", "/api/rules", 200, RULES);
    assertThat(cli.run("rules", "list", "--json")).isZero();
    assertThat(json(cli.out())).isEqualTo(json(RULES));
  }

  @Test
  void addSendsTheRuleAsTheContractSays() throws IOException {
    api.on("POST", "/api/rules", 201, ADDED);
    assertThat(cli.run("rules", "add", "--deny", "--package", "@acme/ui", "--version", "3.3.6",
        "--until", "2027-06-30", "--note", "bad build")).isZero();
    assertThat(json(api.requests().getFirst().body())).isEqualTo(json("""
        {"effect": "deny", "package": "@acme/ui", "version": "3.3.6",
         "until": "2027-06-30T00:00:00Z", "note": "bad build"}"""));
    // The expiry relative to the CLI's clock (AdminCliFixture.NOW), then UTC to the second.
    assertThat(cli.out()).isEqualTo("Added rule r3: deny package @acme/ui@3.3.6, expires in"
        + " 214 days (2027-06-30 00:00:00 UTC)\n");

    assertThat(cli.run("rules", "add", "--trust", "--publisher", "alice", "--note", "ok"))
        .isZero();
    assertThat(json(api.requests().get(1).body())).isEqualTo(json("""
        {"effect": "trust", "publisher": "alice", "note": "ok"}"""));
  }

  @Test
  void addChecksItsArgumentsBeforeCalling() {
    assertThat(cli.run("rules", "add", "--trust", "--deny", "--scope", "@acme", "--note", "x"))
        .isEqualTo(2);
    assertThat(cli.err()).contains("mutually exclusive");
    assertThat(cli.run("rules", "add", "--trust", "--note", "x")).isEqualTo(2);
    assertThat(cli.err()).contains("Missing required argument");
    assertThat(cli.run("rules", "add", "--trust", "--scope", "@acme")).isEqualTo(2);
    assertThat(cli.err()).contains("--note");
    assertThat(cli.run("rules", "add", "--trust", "--scope", "@acme", "--version", "1.0.0",
        "--note", "x")).isEqualTo(2);
    assertThat(cli.err()).startsWith("lazaret: --version goes with --package");
    assertThat(cli.run("rules", "add", "--trust", "--scope", "@acme", "--until", "soon",
        "--note", "x")).isEqualTo(2);
    assertThat(cli.err()).startsWith("lazaret: --until 'soon': expected a date like");
    assertThat(api.requests()).isEmpty();
  }

  @Test
  void removeSendsTheReasonAndShowsErrors() throws IOException {
    api.on("DELETE", "/api/rules/r2", 200, ADDED);
    assertThat(cli.run("rules", "remove", "r2", "--reason", "fixed upstream")).isZero();
    assertThat(api.requests().getFirst().method()).isEqualTo("DELETE");
    assertThat(json(api.requests().getFirst().body()).path("reason").asText())
        .isEqualTo("fixed upstream");
    assertThat(cli.out()).isEqualTo("Removed rule r2: fixed upstream\n");

    api.on("DELETE", "/api/rules/r1", 409,
        "{\"error\": \"rule r1 comes from the config file; edit the file\"}");
    assertThat(cli.run("rules", "remove", "r1")).isEqualTo(1);
    assertThat(cli.err()).isEqualTo("lazaret: rule r1 comes from the config file; edit the"
        + " file\n");
  }

  @Test
  void aViewerTokenIsToldItMayNotWrite() {
    api.on("POST", "/api/rules", 403, "{\"error\": \"needs the admin role\"}");
    assertThat(cli.run("rules", "add", "--trust", "--scope", "@acme", "--note", "x"))
        .isEqualTo(1);
    assertThat(cli.err()).isEqualTo("lazaret: permission denied: needs the admin role (the"
        + " token's role does not allow this)\n");
  }
}
