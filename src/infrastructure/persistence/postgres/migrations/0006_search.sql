-- Explore, search and tag counts (contract §9, §11): a full-text vector per image, indexes that serve every
-- public feed order at any cursor depth, and tag usage counts kept exact by triggers.

-- Title (A), tag names (B) and description (C), written by the image repository whenever one of them changes.
ALTER TABLE images ADD COLUMN search_vector tsvector NOT NULL DEFAULT ''::tsvector;

-- Only public active images are ever searched: the partial GIN index holds a third of the rows, and a query
-- for a term nobody used answers from the index alone instead of walking a feed index.
CREATE INDEX images_public_search_idx ON images USING gin (search_vector) WHERE status = 'active' AND visibility = 'public';

-- The public feed by recency, covering what its filters and its count read (owner, rating), so page-mode
-- totals are an index-only scan instead of a walk over the wide rows.
DROP INDEX images_public_created_idx;
CREATE INDEX images_public_created_idx ON images (created_at DESC, id DESC) INCLUDE (owner_id, content_rating)
  WHERE status = 'active' AND visibility = 'public';

-- The public feed by its other orders.
CREATE INDEX images_public_likes_idx ON images (like_count DESC, id DESC) WHERE status = 'active' AND visibility = 'public';
CREATE INDEX images_public_views_idx ON images (view_count DESC, id DESC) WHERE status = 'active' AND visibility = 'public';
-- /explore/popular: likes, then views, then recency.
CREATE INDEX images_public_popular_idx ON images (like_count DESC, view_count DESC, created_at DESC, id DESC)
  WHERE status = 'active' AND visibility = 'public';

-- Number of public, active images of active owners carrying the tag (contract §9: `usage_count`).
ALTER TABLE tags ADD COLUMN usage_count integer NOT NULL DEFAULT 0;
CREATE INDEX tags_usage_idx ON tags (usage_count DESC, slug) WHERE usage_count > 0;
-- /tags/search: prefix match on the slug.
CREATE INDEX tags_slug_prefix_idx ON tags (slug text_pattern_ops) WHERE usage_count > 0;

-- Triggers rather than application code: status, visibility, tags and owner status change on many paths
-- (processing, edits, deletion, moderation, bans), and a counter each of them had to remember would drift.
CREATE FUNCTION tessera_image_counts(image_status text, image_visibility text, owner_id uuid) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT image_status = 'active' AND image_visibility = 'public'
     AND EXISTS (SELECT 1 FROM users u WHERE u.id = owner_id AND u.status = 'active')
$$;

CREATE FUNCTION tessera_image_tags_count() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  link record;
  step integer;
BEGIN
  IF TG_OP = 'INSERT' THEN link := NEW; step := 1; ELSE link := OLD; step := -1; END IF;
  UPDATE tags SET usage_count = usage_count + step
   WHERE id = link.tag_id
     AND EXISTS (SELECT 1 FROM images i WHERE i.id = link.image_id AND tessera_image_counts(i.status, i.visibility, i.owner_id));
  RETURN NULL;
END
$$;

CREATE TRIGGER image_tags_count AFTER INSERT OR DELETE ON image_tags
  FOR EACH ROW EXECUTE FUNCTION tessera_image_tags_count();

CREATE FUNCTION tessera_image_state_count() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  was boolean := tessera_image_counts(OLD.status, OLD.visibility, OLD.owner_id);
  now_counts boolean := tessera_image_counts(NEW.status, NEW.visibility, NEW.owner_id);
BEGIN
  IF was <> now_counts THEN
    UPDATE tags SET usage_count = usage_count + CASE WHEN now_counts THEN 1 ELSE -1 END
     WHERE id IN (SELECT tag_id FROM image_tags WHERE image_id = NEW.id);
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER images_state_count AFTER UPDATE OF status, visibility ON images
  FOR EACH ROW EXECUTE FUNCTION tessera_image_state_count();

CREATE FUNCTION tessera_owner_state_count() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF (OLD.status = 'active') <> (NEW.status = 'active') THEN
    UPDATE tags SET usage_count = usage_count + CASE WHEN NEW.status = 'active' THEN c.n ELSE -c.n END
      FROM (SELECT it.tag_id, count(*)::int AS n
              FROM image_tags it JOIN images i ON i.id = it.image_id
             WHERE i.owner_id = NEW.id AND i.status = 'active' AND i.visibility = 'public'
             GROUP BY it.tag_id) AS c
     WHERE tags.id = c.tag_id;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER users_state_count AFTER UPDATE OF status ON users
  FOR EACH ROW EXECUTE FUNCTION tessera_owner_state_count();
