-- What other nodes need to hear about, and the removed-version log (both shared by every node).

-- The change feed (PgChangeFeed): every write to decisions or rules is announced on the channel
-- lazaret_state when its transaction commits, so that every node drops its cached verdicts at
-- once instead of at the next periodic resync. A decision names its package; a rule change does
-- not (any rule may touch any package). NOTIFY payloads must stay under 8000 bytes: a package
-- name too long for that (npm allows 214 characters) is announced as a full resync instead of
-- failing the write.
CREATE FUNCTION lazaret_announce_decision() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  payload text;
BEGIN
  payload := json_build_object('kind', 'decision',
      'package', CASE WHEN TG_OP = 'DELETE' THEN OLD.package ELSE NEW.package END)::text;
  IF octet_length(payload) >= 7900 THEN
    payload := json_build_object('kind', 'resync')::text;
  END IF;
  PERFORM pg_notify('lazaret_state', payload);
  RETURN NULL;
END
$$;

CREATE TRIGGER decisions_announced AFTER INSERT OR UPDATE OR DELETE ON decisions
  FOR EACH ROW EXECUTE FUNCTION lazaret_announce_decision();

CREATE FUNCTION lazaret_announce_rules() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('lazaret_state', json_build_object('kind', 'rules')::text);
  RETURN NULL;
END
$$;

CREATE TRIGGER rules_announced AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON rules
  FOR EACH STATEMENT EXECUTE FUNCTION lazaret_announce_rules();

-- Versions that vanished upstream (PgRemovedVersionLog): the first record of a version is kept,
-- so the primary key is the version and a second record does nothing. Times as in V1: epoch
-- seconds and nanoseconds.
CREATE TABLE removed_versions (
  package      text COLLATE "C" NOT NULL,
  version      text COLLATE "C" NOT NULL,
  removed_s    bigint NOT NULL,
  removed_ns   integer NOT NULL,
  integrity    text,
  PRIMARY KEY (package, version)
);
