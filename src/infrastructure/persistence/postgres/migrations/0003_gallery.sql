-- Gallery core (contract §7, §9.1): images with their variants and EXIF, and tags.

CREATE TABLE images (
  id                uuid        PRIMARY KEY,
  owner_id          uuid        NOT NULL REFERENCES users (id),
  title             text        NOT NULL DEFAULT '',
  description       text        NOT NULL DEFAULT '',
  visibility        text        NOT NULL,
  content_rating    text        NOT NULL,
  status            text        NOT NULL,
  format            text        NOT NULL,
  file_size         integer     NOT NULL,
  width             integer     NOT NULL,
  height            integer     NOT NULL,
  sha256            text        NOT NULL,
  original_filename text        NOT NULL,
  -- name → {width, height, format, file_size}; '{}' until processing succeeded.
  variants          jsonb       NOT NULL DEFAULT '{}',
  exif              jsonb,
  failure_reason    text,
  view_count        integer     NOT NULL DEFAULT 0,
  like_count        integer     NOT NULL DEFAULT 0,
  comment_count     integer     NOT NULL DEFAULT 0,
  created_at        timestamptz NOT NULL,
  updated_at        timestamptz NOT NULL,
  deleted_at        timestamptz,
  CONSTRAINT images_visibility_check CHECK (visibility IN ('public', 'unlisted', 'private')),
  CONSTRAINT images_content_rating_check CHECK (content_rating IN ('safe', 'nsfw')),
  CONSTRAINT images_status_check CHECK (status IN ('processing', 'active', 'failed', 'flagged', 'deleted')),
  CONSTRAINT images_format_check CHECK (format IN ('jpeg', 'png', 'gif', 'webp', 'avif', 'heic'))
);

-- An owner's own lists (any status but deleted), newest first with the id tiebreaker.
CREATE INDEX images_owner_created_idx ON images (owner_id, created_at DESC, id DESC) WHERE status <> 'deleted';
-- The public feed: active public images only.
CREATE INDEX images_public_created_idx ON images (created_at DESC, id DESC) WHERE status = 'active' AND visibility = 'public';
-- The sweeper of failed images (removed 7 days after failing).
CREATE INDEX images_failed_idx ON images (updated_at) WHERE status = 'failed';

CREATE TABLE tags (
  id         uuid        PRIMARY KEY,
  slug       text        NOT NULL,
  name       text        NOT NULL,
  created_at timestamptz NOT NULL,
  CONSTRAINT tags_slug_key UNIQUE (slug)
);

CREATE TABLE image_tags (
  image_id uuid NOT NULL REFERENCES images (id) ON DELETE CASCADE,
  tag_id   uuid NOT NULL REFERENCES tags (id),
  PRIMARY KEY (image_id, tag_id)
);

CREATE INDEX image_tags_tag_idx ON image_tags (tag_id, image_id);
