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
-- Hold lists page through this index, newest first; counts by state read it too.
CREATE INDEX holds_by_state_time ON holds (state, first_held_s DESC, first_held_ns DESC, package, version);

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
