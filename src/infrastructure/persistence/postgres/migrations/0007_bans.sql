-- Bans (contract §12.3) and the indexes the audit log API filters by (§12.4). A ban's status is computed from
-- `revoked_at` and `expires_at` at read time. "At most one active ban per user" depends on now(), which an index
-- cannot use, so the ban use case checks it under a row lock on the user; the partial index below is a backstop
-- for the one case an index can see (two unrevoked permanent bans). `report_id` has no foreign key: reports
-- arrive in a later migration and a ban may also be made without one.

CREATE TABLE bans (
  id         uuid        PRIMARY KEY,
  user_id    uuid        NOT NULL REFERENCES users (id),
  reason     text        NOT NULL,
  created_by uuid        NOT NULL REFERENCES users (id),
  report_id  uuid,
  created_at timestamptz NOT NULL,
  expires_at timestamptz,
  revoked_at timestamptz,
  revoked_by uuid        REFERENCES users (id),
  CONSTRAINT bans_ends_after_start_check CHECK (expires_at IS NULL OR expires_at > created_at),
  CONSTRAINT bans_revoked_check CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))
);

CREATE UNIQUE INDEX bans_one_permanent_key ON bans (user_id) WHERE revoked_at IS NULL AND expires_at IS NULL;
-- GET /moderation/bans: newest first, the id breaking ties.
CREATE INDEX bans_created_idx ON bans (created_at DESC, id DESC);
-- The `user_id` filter, the active-ban look-up at login and ban time.
CREATE INDEX bans_user_idx ON bans (user_id, created_at DESC, id DESC);
-- The expiry sweeper: unrevoked timed bans by end time.
CREATE INDEX bans_expiry_idx ON bans (expires_at) WHERE revoked_at IS NULL AND expires_at IS NOT NULL;

-- GET /moderation/audit filters, each newest first like the listing itself.
CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, occurred_at DESC, id DESC);
CREATE INDEX audit_log_target_idx ON audit_log (target_type, target_id, occurred_at DESC, id DESC);

-- Append-only (§12.4): the database itself refuses to change or remove an entry, whatever the code does.
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;

CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
