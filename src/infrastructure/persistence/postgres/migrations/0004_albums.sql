-- Albums (contract §8): an owner's ordered collections of their own images.

CREATE TABLE albums (
  id             uuid        PRIMARY KEY,
  owner_id       uuid        NOT NULL REFERENCES users (id),
  title          text        NOT NULL,
  description    text        NOT NULL DEFAULT '',
  visibility     text        NOT NULL,
  -- As chosen by the owner; kept in the album by the application, cleared when the image leaves it.
  cover_image_id uuid        REFERENCES images (id) ON DELETE SET NULL,
  created_at     timestamptz NOT NULL,
  updated_at     timestamptz NOT NULL,
  CONSTRAINT albums_visibility_check CHECK (visibility IN ('public', 'unlisted', 'private'))
);

-- An owner's albums (owner_id=…), both sorts, newest first with the id tiebreaker.
CREATE INDEX albums_owner_created_idx ON albums (owner_id, created_at DESC, id DESC);
CREATE INDEX albums_owner_updated_idx ON albums (owner_id, updated_at DESC, id DESC);
-- All public albums (GET /albums without owner_id).
CREATE INDEX albums_public_created_idx ON albums (created_at DESC, id DESC) WHERE visibility = 'public';
CREATE INDEX albums_public_updated_idx ON albums (updated_at DESC, id DESC) WHERE visibility = 'public';

CREATE TABLE album_images (
  album_id uuid        NOT NULL REFERENCES albums (id) ON DELETE CASCADE,
  image_id uuid        NOT NULL REFERENCES images (id) ON DELETE CASCADE,
  position integer     NOT NULL,
  added_at timestamptz NOT NULL,
  PRIMARY KEY (album_id, image_id)
);

-- Album contents in album order, the keyset of GET /albums/{id}/images.
CREATE INDEX album_images_order_idx ON album_images (album_id, position, added_at, image_id);
-- An image's albums: the owner's `album_ids` and removal when the image is deleted.
CREATE INDEX album_images_image_idx ON album_images (image_id);
