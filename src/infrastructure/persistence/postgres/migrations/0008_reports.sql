-- Reports and their review (contract §12.1, §12.2). A resolution's fields are filled together when a report
-- leaves the open states; `ban_id` names the ban a `ban` resolution made or kept. It carries no foreign key so
-- that this file does not depend on the bans migration's table shape.

CREATE TABLE reports (
  id               uuid        PRIMARY KEY,
  reporter_id      uuid        NOT NULL REFERENCES users (id),
  image_id         uuid        NOT NULL REFERENCES images (id),
  reason           text        NOT NULL,
  description      text        NOT NULL DEFAULT '',
  status           text        NOT NULL DEFAULT 'pending',
  reviewer_id      uuid        REFERENCES users (id),
  resolution_action text,
  resolution_notes text,
  resolved_by      uuid        REFERENCES users (id),
  resolved_at      timestamptz,
  ban_id           uuid,
  created_at       timestamptz NOT NULL,
  updated_at       timestamptz NOT NULL,
  CONSTRAINT reports_reason_check CHECK (reason IN ('spam', 'inappropriate', 'copyright', 'harassment', 'other')),
  CONSTRAINT reports_status_check CHECK (status IN ('pending', 'reviewing', 'resolved', 'dismissed')),
  CONSTRAINT reports_action_check CHECK (resolution_action IN ('dismiss', 'warn', 'remove', 'ban')),
  -- Closed exactly when resolved: a closed report without its resolution could not be shown (§12.1 `resolution`).
  CONSTRAINT reports_resolution_check CHECK ((status IN ('resolved', 'dismissed')) = (resolution_action IS NOT NULL AND resolved_by IS NOT NULL AND resolved_at IS NOT NULL))
);

-- One open report per reporter and image; a second one is 409 (pg-errors map in report-repository.ts).
CREATE UNIQUE INDEX reports_open_key ON reports (reporter_id, image_id) WHERE status IN ('pending', 'reviewing');
-- The staff queue: filtered by status, oldest first, the id breaking ties (both orders scan it).
CREATE INDEX reports_queue_idx ON reports (status, created_at, id);
-- Reports of one image: the `image_id` filter and resolving the other open reports with a removal.
CREATE INDEX reports_image_idx ON reports (image_id, status);
