package dev.lazaret.proxy.quarantine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** How the {@code state} setting's URL becomes the driver's URL and credentials, masked. */
class PgStateUrlTest {

  @Test
  void aPostgresqlUriBecomesAJdbcUrlWithSeparateCredentials() {
    PgStateUrl url = PgStateUrl.parse("postgresql://lazaret:s3cret@db.internal:6543/quarantine",
        null);

    assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6543/quarantine");
    assertThat(url.user()).isEqualTo("lazaret");
    assertThat(url.password()).isEqualTo("s3cret");
    assertThat(url.masked()).isEqualTo("postgresql://lazaret:***@db.internal:6543/quarantine");
    assertThat(url.toString()).doesNotContain("s3cret");
  }

  @Test
  void thePostgresSchemeTheDefaultPortParametersAndIpv6HostsAreAccepted() {
    assertThat(PgStateUrl.parse("postgres://u@10.0.0.5/db?sslmode=require", null).jdbcUrl())
        .isEqualTo("jdbc:postgresql://10.0.0.5:5432/db?sslmode=require");
    assertThat(PgStateUrl.parse("postgresql://u:p@[::1]:5433/db", null).jdbcUrl())
        .isEqualTo("jdbc:postgresql://[::1]:5433/db");
  }

  @Test
  void thePasswordComesFromTheUrlElseFromTheSeparateSetting() {
    assertThat(PgStateUrl.parse("postgresql://u@h:5432/db", "from-env").password())
        .isEqualTo("from-env");
    assertThat(PgStateUrl.parse("postgresql://u:in-url@h:5432/db", "from-env").password())
        .isEqualTo("in-url");
    assertThat(PgStateUrl.parse("postgresql://u@h:5432/db", null).password()).isNull();
    assertThat(PgStateUrl.parse("postgresql://u@h:5432/db", "from-env").masked())
        .isEqualTo("postgresql://u@h:5432/db");
  }

  @Test
  void percentEncodedCredentialsAreDecodedAndAnUnencodedAtStaysInThePassword() {
    PgStateUrl encoded = PgStateUrl.parse("postgresql://l%C3%A9a:p%40ss%2Fw%3Ad@h/db", null);
    assertThat(encoded.user()).isEqualTo("léa");
    assertThat(encoded.password()).isEqualTo("p@ss/w:d");

    PgStateUrl raw = PgStateUrl.parse("postgresql://u:p@ss@h:1/db", null);
    assertThat(raw.password()).isEqualTo("p@ss");
    assertThat(raw.masked()).isEqualTo("postgresql://u:***@h:1/db");
  }

  @Test
  void aJdbcUrlIsTakenAsGivenWithItsPasswordParameterMasked() {
    PgStateUrl url = PgStateUrl.parse(
        "jdbc:postgresql://h:5432/db?user=u&password=s3cret&sslmode=require", "from-env");

    assertThat(url.jdbcUrl())
        .isEqualTo("jdbc:postgresql://h:5432/db?user=u&password=s3cret&sslmode=require");
    assertThat(url.password()).as("the URL's own password wins").isNull();
    assertThat(url.masked())
        .isEqualTo("jdbc:postgresql://h:5432/db?user=u&password=***&sslmode=require");
    assertThat(PgStateUrl.parse("jdbc:postgresql://h/db?user=u", "from-env").password())
        .isEqualTo("from-env");
  }

  @Test
  void malformedUrlsAreRefusedNamingTheProblemButNotThePassword() {
    assertThatThrownBy(() -> PgStateUrl.parse("mysql://u:s3cret@h/db", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("postgresql://USER:PASSWORD@HOST:PORT/DB")
        .hasMessageNotContaining("s3cret");
    assertThatThrownBy(() -> PgStateUrl.parse("postgresql://u:s3cret@h:5432", null))
        .hasMessageContaining("names no database").hasMessageNotContaining("s3cret");
    assertThatThrownBy(() -> PgStateUrl.parse("postgresql://u:s3cret@h:99999/db", null))
        .hasMessageContaining("port '99999'").hasMessageNotContaining("s3cret");
    assertThatThrownBy(() -> PgStateUrl.parse("postgresql://u:s3cret%zz@h/db", null))
        .hasMessageContaining("percent-encoding in its password")
        .hasMessageNotContaining("s3cret");
    assertThatThrownBy(() -> PgStateUrl.parse("postgresql://u:s3cret@:5432/db", null))
        .hasMessageContaining("names no host").hasMessageNotContaining("s3cret");
    assertThatThrownBy(() -> PgStateUrl.parse(" ", null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
