package dev.lazaret.proxy.quarantine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

/** Which SQL failures mean the state database cannot be reached (fail closed, 503). */
class PgTransactionsTest {

  @Test
  void connectionExceptionsAndTheServerGoingAwayMeanUnreachable() {
    for (String state : new String[] {"08000", "08001", "08003", "08006", "57P01", "57P02",
        "57P03"}) {
      assertThat(PgTransactions.connectionFailure(new SQLException("x", state)))
          .as(state).isTrue();
    }
    assertThat(PgTransactions.connectionFailure(
        new SQLTransientConnectionException("pool timed out"))).isTrue();
    assertThat(PgTransactions.connectionFailure(
        new SQLException("wrapped", null, new ConnectException("Connection refused")))).isTrue();
    assertThat(PgTransactions.connectionFailure(new SQLException("wrapped", null,
        new IOException("read", new SocketTimeoutException("Read timed out"))))).isTrue();
  }

  @Test
  void statementErrorsDoNot() {
    for (String state : new String[] {"23505", "40P01", "40001", "42P01", "57014", "53300"}) {
      assertThat(PgTransactions.connectionFailure(new SQLException("x", state)))
          .as(state).isFalse();
    }
    assertThat(PgTransactions.connectionFailure(new SQLException("no state"))).isFalse();
  }
}
