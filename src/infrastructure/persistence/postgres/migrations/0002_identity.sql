-- Identity (contract §5, §6): accounts, durable sessions with their refresh-token families, and the audit log.

CREATE TABLE users (
  id            uuid        PRIMARY KEY,
  email         text        NOT NULL,
  username      text        NOT NULL,
  display_name  text        NOT NULL,
  bio           text        NOT NULL DEFAULT '',
  password_hash text        NOT NULL,
  role          text        NOT NULL DEFAULT 'user',
  status        text        NOT NULL DEFAULT 'active',
  created_at    timestamptz NOT NULL,
  updated_at    timestamptz NOT NULL,
  deleted_at    timestamptz,
  CONSTRAINT users_role_check CHECK (role IN ('user', 'moderator', 'admin')),
  CONSTRAINT users_status_check CHECK (status IN ('pending', 'active', 'banned', 'deleted'))
);

-- A deleted account frees its email and username, so uniqueness holds among the others only; usernames
-- are unique case-insensitively ("Alice" blocks "alice").
CREATE UNIQUE INDEX users_email_active_key ON users (email) WHERE status <> 'deleted';
CREATE UNIQUE INDEX users_username_active_key ON users (lower(username)) WHERE status <> 'deleted';

CREATE TABLE sessions (
  id           uuid        PRIMARY KEY,
  user_id      uuid        NOT NULL REFERENCES users (id),
  ip_address   text        NOT NULL,
  user_agent   text        NOT NULL,
  created_at   timestamptz NOT NULL,
  last_used_at timestamptz NOT NULL,
  expires_at   timestamptz NOT NULL,
  revoked_at   timestamptz
);

CREATE INDEX sessions_user_active_idx ON sessions (user_id, last_used_at DESC) WHERE revoked_at IS NULL;

-- Only SHA-256 of a refresh token is kept. A session has one family; rotation links each token to its parent.
CREATE TABLE refresh_tokens (
  token_hash  text        PRIMARY KEY,
  session_id  uuid        NOT NULL REFERENCES sessions (id),
  family_id   uuid        NOT NULL,
  parent_hash text,
  issued_at   timestamptz NOT NULL,
  expires_at  timestamptz NOT NULL,
  rotated_at  timestamptz,
  revoked_at  timestamptz
);

CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id);

-- Append-only (contract §12.4); never holds passwords, tokens or hashes.
CREATE TABLE audit_log (
  id          uuid        PRIMARY KEY,
  occurred_at timestamptz NOT NULL,
  action      text        NOT NULL,
  actor_id    uuid,
  target_type text,
  target_id   text,
  ip_address  text,
  request_id  text,
  details     jsonb       NOT NULL DEFAULT '{}'
);

CREATE INDEX audit_log_occurred_idx ON audit_log (occurred_at DESC, id DESC);
CREATE INDEX audit_log_action_idx ON audit_log (action, occurred_at DESC);
