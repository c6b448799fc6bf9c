-- The quarantine state shared by every Lazaret node (PgQuarantineState).
-- Records are kept as the JSON the embedded (RocksDB) mode stores; the columns beside them are
-- what queries select and order by. Times that order rows are kept as epoch seconds (bigint) and
-- nanoseconds (integer): the Java side orders by Instant, with nanoseconds, over its whole range,
-- and timestamptz keeps only microseconds.
-- Names and versions use the "C" collation so that ties order as Java's String order does.

CREATE TABLE holds (
  package       text COLLATE "C" NOT NULL,
  version       text COLLATE "C" NOT NULL,
  state         text NOT NULL,
  first_held_s  bigint NOT NULL,
  first_held_ns integer NOT NULL,
  record        jsonb NOT NULL,
  PRIMARY KEY (package, version)
);
-- Hold lists page through this index, newest first, then by package and version. The times are
-- negated so that every key part ascends: a page's start is then one row comparison,
-- (-s, -ns, package, version) > (...), which PostgreSQL turns into an index condition (with
-- mixed directions it could only filter, reading every row before the page).
CREATE INDEX holds_by_state_time
  ON holds (state, (-first_held_s), (-first_held_ns), package, version);

-- The number of holds in each state, kept by triggers in the writing transaction, so that the
-- lazaret_holds gauge reads five rows instead of counting every hold ever recorded. Only a
-- change of state touches it (a re-judgement that keeps the state does not).
CREATE TABLE hold_counts (
  state text COLLATE "C" PRIMARY KEY,
  n     bigint NOT NULL
);

-- A change of state moves one from the old state's row to the new one's, touching the two rows
-- in the order of their names, so that two single-row writes cannot lock them in opposite
-- orders. (Writes of several rows still can; PostgreSQL then aborts one of them as a deadlock
-- and PgTransactions runs it again.)
CREATE FUNCTION hold_counts_add(counted text, delta bigint) RETURNS void LANGUAGE sql AS $$
  INSERT INTO hold_counts (state, n) VALUES (counted, delta)
    ON CONFLICT (state) DO UPDATE SET n = hold_counts.n + delta;
$$;

CREATE FUNCTION hold_counts_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM hold_counts_add(NEW.state, 1);
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM hold_counts_add(OLD.state, -1);
  ELSIF OLD.state < NEW.state THEN
    PERFORM hold_counts_add(OLD.state, -1);
    PERFORM hold_counts_add(NEW.state, 1);
  ELSE
    PERFORM hold_counts_add(NEW.state, 1);
    PERFORM hold_counts_add(OLD.state, -1);
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER holds_counted_on_insert AFTER INSERT ON holds
  FOR EACH ROW EXECUTE FUNCTION hold_counts_follow();
CREATE TRIGGER holds_counted_on_state_change AFTER UPDATE OF state ON holds
  FOR EACH ROW WHEN (OLD.state IS DISTINCT FROM NEW.state) EXECUTE FUNCTION hold_counts_follow();
CREATE TRIGGER holds_counted_on_delete AFTER DELETE ON holds
  FOR EACH ROW EXECUTE FUNCTION hold_counts_follow();

CREATE TABLE decisions (
  package text COLLATE "C" NOT NULL,
  version text COLLATE "C" NOT NULL,
  record  jsonb NOT NULL,
  PRIMARY KEY (package, version)
);

CREATE TABLE rules (
  id     text COLLATE "C" PRIMARY KEY,
  record jsonb NOT NULL
);

CREATE TABLE publishers (
  name   text COLLATE "C" PRIMARY KEY,
  record jsonb NOT NULL
);

-- The audit log: numbered 1, 2, 3, ... with no gaps. A sequence would leave gaps on rollback,
-- so each append takes the next number from audit_head in its own transaction: the row lock
-- serializes appends and a rolled-back append gives its number back.
CREATE TABLE audit (
  seq     bigint PRIMARY KEY,
  at_s    bigint NOT NULL,
  at_ns   integer NOT NULL,
  payload bytea NOT NULL
);
CREATE INDEX audit_by_time ON audit (at_s, at_ns, seq);

CREATE TABLE audit_head (
  only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
  last_seq bigint NOT NULL
);
INSERT INTO audit_head (last_seq) VALUES (0);
