-- Hand-written (Prisma's schema cannot express functions or triggers; outside the drift
-- check). The audit log becomes append-only for DELETE and TRUNCATE too, and each event
-- is hash-chained to the previous event of its org, or of the instance for events with
-- no org. The chain's head lives in "AuditChain"; lib/audit/verify.ts walks the chains.

-- The hash of an event: SHA-256 over every field but the hash itself, in a fixed order,
-- as jsonb text (deterministic: fixed spacing, object keys in jsonb's own order), with
-- the previous event's hash among them.
CREATE FUNCTION "audit_event_hash"(e "AuditEvent") RETURNS text
LANGUAGE sql STABLE AS $$
  SELECT encode(sha256(convert_to(jsonb_build_array(
    e.id, e."orgId", e.seq::text, e."prevHash", to_char(e."createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS'),
    e."actorId", e."actorType", e.action, e."targetType", e."targetId", e.ip, e."userAgent", e."requestId", e.metadata
  )::text, 'UTF8')), 'hex')
$$;

-- Chain the events recorded so far, per chain in the order they were recorded.
ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_no_update";
DO $$
DECLARE
  e "AuditEvent";
  current_chain text := NULL;
  n bigint := 0;
  previous text := NULL;
BEGIN
  FOR e IN SELECT * FROM "AuditEvent" ORDER BY coalesce("orgId", 'instance'), "createdAt", id LOOP
    IF coalesce(e."orgId", 'instance') IS DISTINCT FROM current_chain THEN
      IF current_chain IS NOT NULL THEN
        INSERT INTO "AuditChain" (id, "headSeq", "headHash") VALUES (current_chain, n, previous);
      END IF;
      current_chain := coalesce(e."orgId", 'instance');
      n := 0;
      previous := NULL;
    END IF;
    n := n + 1;
    e.seq := n;
    e."prevHash" := previous;
    e.hash := "audit_event_hash"(e);
    UPDATE "AuditEvent" SET seq = e.seq, "prevHash" = e."prevHash", hash = e.hash WHERE id = e.id;
    previous := e.hash;
  END LOOP;
  IF current_chain IS NOT NULL THEN
    INSERT INTO "AuditChain" (id, "headSeq", "headHash") VALUES (current_chain, n, previous);
  END IF;
  UPDATE "AuditChain" AS c SET "orgSlug" = o.slug, "orgName" = o.name FROM "Organization" AS o WHERE o.id = c.id;
END $$;
ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_no_update";

-- Every new event takes its chain's next seq and links to the chain's newest event (or,
-- when retention removed them all, to the anchor), under the chain row's lock: concurrent
-- writers of one chain queue here, so a chain cannot fork. The newest event is found
-- through the (orgId, seq) index rather than read from the head row, because updating one
-- row once per event makes a bulk insert quadratic (every version stays in the row's
-- chain until the transaction ends); the head moves once per statement, below.
CREATE FUNCTION "audit_event_chain"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  chain_id text := coalesce(NEW."orgId", 'instance');
  chain record;
  newest record;
BEGIN
  SELECT "anchorSeq", "anchorHash" INTO chain FROM "AuditChain" WHERE id = chain_id FOR UPDATE;
  IF NOT FOUND THEN
    INSERT INTO "AuditChain" (id, "orgSlug", "orgName")
      SELECT chain_id, o.slug, o.name FROM (SELECT 1) AS one LEFT JOIN "Organization" AS o ON o.id = NEW."orgId"
      ON CONFLICT (id) DO NOTHING;
    SELECT "anchorSeq", "anchorHash" INTO chain FROM "AuditChain" WHERE id = chain_id FOR UPDATE;
  END IF;
  IF NEW."orgId" IS NULL THEN
    SELECT seq, hash INTO newest FROM "AuditEvent" WHERE "orgId" IS NULL AND seq IS NOT NULL ORDER BY seq DESC LIMIT 1;
  ELSE
    SELECT seq, hash INTO newest FROM "AuditEvent" WHERE "orgId" = NEW."orgId" AND seq IS NOT NULL ORDER BY seq DESC LIMIT 1;
  END IF;
  IF newest.seq IS NULL THEN
    NEW.seq := chain."anchorSeq" + 1;
    NEW."prevHash" := chain."anchorHash";
  ELSE
    NEW.seq := newest.seq + 1;
    NEW."prevHash" := newest.hash;
  END IF;
  NEW.hash := "audit_event_hash"(NEW);
  RETURN NEW;
END $$;

CREATE TRIGGER "AuditEvent_chain" BEFORE INSERT ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION "audit_event_chain"();

-- The chain rows record each chain's newest event once per statement, so verification
-- notices when the newest events go missing.
CREATE FUNCTION "audit_chain_advance"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "AuditChain" AS c SET "headSeq" = newest.seq, "headHash" = newest.hash
  FROM (
    SELECT DISTINCT ON (coalesce("orgId", 'instance')) coalesce("orgId", 'instance') AS chain_id, seq, hash
    FROM inserted ORDER BY coalesce("orgId", 'instance'), seq DESC
  ) AS newest
  WHERE c.id = newest.chain_id;
  RETURN NULL;
END $$;

CREATE TRIGGER "AuditEvent_advance_chain" AFTER INSERT ON "AuditEvent"
  REFERENCING NEW TABLE AS inserted
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_chain_advance"();

-- Deleting is refused, except rows at or below their chain's anchor while
-- audit_retention_delete() (below, the retention job's one way in) runs.
CREATE FUNCTION "audit_event_delete_guard"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('bastion.audit_retention', true) = 'on'
     AND OLD.seq <= (SELECT "anchorSeq" FROM "AuditChain" WHERE id = coalesce(OLD."orgId", 'instance')) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit events cannot be deleted (expired ones go through audit_retention_delete())';
END $$;

CREATE TRIGGER "AuditEvent_no_delete" BEFORE DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION "audit_event_delete_guard"();

CREATE FUNCTION "audit_refuse_truncate"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% cannot be truncated (the audit log is append-only)', TG_TABLE_NAME;
END $$;

CREATE TRIGGER "AuditEvent_no_truncate" BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_refuse_truncate"();
CREATE TRIGGER "AuditChain_no_truncate" BEFORE TRUNCATE ON "AuditChain"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_refuse_truncate"();

-- A chain's head moves only forward, from the insert trigger; its anchor only forward,
-- from the retention function; a chain row is never deleted. Its org's slug, name and
-- purge time stay writable (the purge records them).
CREATE FUNCTION "audit_chain_guard"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'audit chains cannot be deleted';
  END IF;
  IF NEW.id <> OLD.id THEN
    RAISE EXCEPTION 'an audit chain keeps its id';
  END IF;
  IF (NEW."headSeq", NEW."headHash") IS DISTINCT FROM (OLD."headSeq", OLD."headHash")
     AND (pg_trigger_depth() < 2 OR NEW."headSeq" <= OLD."headSeq") THEN
    RAISE EXCEPTION 'an audit chain''s head moves only when an event is recorded';
  END IF;
  IF (NEW."anchorSeq", NEW."anchorHash") IS DISTINCT FROM (OLD."anchorSeq", OLD."anchorHash")
     AND (current_setting('bastion.audit_retention', true) IS DISTINCT FROM 'on' OR NEW."anchorSeq" < OLD."anchorSeq") THEN
    RAISE EXCEPTION 'an audit chain''s anchor moves only through audit_retention_delete()';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "AuditChain_guard" BEFORE UPDATE OR DELETE ON "AuditChain"
  FOR EACH ROW EXECUTE FUNCTION "audit_chain_guard"();

-- Retention: deletes the oldest events of one chain, in chain order up to the first one
-- still within retention (so a chain loses a prefix, never a middle), at most `batch` per
-- call, and records the last deleted event's hash as the chain's anchor so the rest
-- still verifies. Returns how many it deleted.
CREATE FUNCTION "audit_retention_delete"(chain_id text, cutoff timestamp(3), batch integer) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
  in_chain text := CASE WHEN chain_id = 'instance' THEN '"orgId" IS NULL' ELSE format('"orgId" = %L', chain_id) END;
  last_seq bigint;
  last_hash text;
  deleted integer;
BEGIN
  PERFORM 1 FROM "AuditChain" WHERE id = chain_id FOR UPDATE;
  IF NOT FOUND THEN
    RETURN 0;
  END IF;
  EXECUTE format($query$
    SELECT seq, hash FROM (
      SELECT seq, hash, bool_and("createdAt" < $1) OVER (ORDER BY seq) AS expired
      FROM (SELECT seq, hash, "createdAt" FROM "AuditEvent" WHERE %s ORDER BY seq LIMIT $2) AS oldest
    ) AS prefix
    WHERE expired ORDER BY seq DESC LIMIT 1 $query$, in_chain)
    INTO last_seq, last_hash USING cutoff, batch;
  IF last_seq IS NULL THEN
    RETURN 0;
  END IF;
  PERFORM set_config('bastion.audit_retention', 'on', true);
  UPDATE "AuditChain" SET "anchorSeq" = last_seq, "anchorHash" = last_hash WHERE id = chain_id;
  EXECUTE format('DELETE FROM "AuditEvent" WHERE %s AND seq <= $1', in_chain) USING last_seq;
  GET DIAGNOSTICS deleted = ROW_COUNT;
  PERFORM set_config('bastion.audit_retention', 'off', true);
  RETURN deleted;
END $$;
