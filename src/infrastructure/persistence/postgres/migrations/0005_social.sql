-- Likes and comments (contract §10). `images.like_count` and `images.comment_count` are kept by the statements
-- that change these tables, in the same transaction.

CREATE TABLE likes (
  image_id   uuid        NOT NULL REFERENCES images (id) ON DELETE CASCADE,
  user_id    uuid        NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL,
  PRIMARY KEY (image_id, user_id)
);

-- GET /users/{id}/likes: a user's likes, newest first, the image id breaking ties.
CREATE INDEX likes_user_created_idx ON likes (user_id, created_at DESC, image_id DESC);
-- GET /images/{id}/likes: an image's likers, newest first, the user id breaking ties.
CREATE INDEX likes_image_created_idx ON likes (image_id, created_at DESC, user_id DESC);

CREATE TABLE comments (
  id         uuid        PRIMARY KEY,
  image_id   uuid        NOT NULL REFERENCES images (id) ON DELETE CASCADE,
  author_id  uuid        NOT NULL REFERENCES users (id),
  content    text        NOT NULL,
  created_at timestamptz NOT NULL,
  deleted_at timestamptz
);

-- GET /images/{id}/comments in both orders (scanned backwards for `newest`); deleted comments never listed.
CREATE INDEX comments_image_created_idx ON comments (image_id, created_at, id) WHERE deleted_at IS NULL;
-- The account purge finds an author's comments.
CREATE INDEX comments_author_idx ON comments (author_id);
