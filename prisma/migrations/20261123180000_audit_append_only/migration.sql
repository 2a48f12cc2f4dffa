-- The audit log is append-only: the database itself refuses to change an event.
-- (Deleting stays possible for the retention job and for cascades when an org is purged.)
CREATE FUNCTION "audit_event_is_append_only"() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit events cannot be modified';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "AuditEvent_no_update" BEFORE UPDATE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION "audit_event_is_append_only"();
