-- Foundation: the transactional outbox (contract §16). Every state change writes its event here in the same
-- transaction; the relay publishes rows in `seq` order and marks them published.
CREATE TABLE outbox (
  seq            bigserial   PRIMARY KEY,
  id             uuid        NOT NULL,
  type           text        NOT NULL,
  version        smallint    NOT NULL DEFAULT 1,
  occurred_at    timestamptz NOT NULL,
  aggregate_type text        NOT NULL,
  aggregate_id   uuid        NOT NULL,
  actor_id       uuid,
  request_id     text,
  payload        jsonb       NOT NULL,
  published_at   timestamptz,
  attempts       integer     NOT NULL DEFAULT 0,
  CONSTRAINT outbox_id_key UNIQUE (id),
  CONSTRAINT outbox_type_check CHECK (type ~ '^[a-z_]+\.[a-z_]+$')
);

-- The relay only ever scans unpublished rows, oldest first.
CREATE INDEX outbox_unpublished_idx ON outbox (seq) WHERE published_at IS NULL;
