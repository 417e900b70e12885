/**
 * A PostgreSQL database of 1,000,000 images (a third public) for the feed and search bench, written by SQL on
 * the server (generate_series), not through HTTP. Kept between runs: it is reused while its seed marker matches
 * this seed and the migrations it was made with, and rebuilt otherwise.
 */
import { createHash } from 'node:crypto';
import pg from 'pg';
import { openPostgres } from '../../src/infrastructure/persistence/postgres/connection.js';
import { migrate, readMigrations } from '../../src/infrastructure/persistence/postgres/migrate.js';
import { PG_ADMIN_URL } from './postgres.js';

export const FEED_DB = 'tessera_bench_feeds';
export const IMAGE_COUNT = Number(process.env.BENCH_FEED_IMAGES ?? 1_000_000);
export const ZERO_HIT_TERM = 'xylophonequartz';
export const COMMON_TERM = 'harbour';
const USERS = 1000;
const TAGS = 200;

// Syllables combined into a vocabulary of made-up words, plus a few real ones that searches look for.
const SYLLABLES = ['ka', 'lo', 'mi', 'ren', 'tu', 'sa', 'vor', 'el', 'din', 'mo', 'ta', 'quin', 'bel', 'ri', 'on', 'ga', 'ny', 'pe', 'zu', 'har'];
function vocabulary(): string[] {
  const words = new Set<string>([COMMON_TERM, 'sunset', 'mountain', 'river', 'forest', 'city', 'portrait', 'street', 'winter', 'garden']);
  for (let i = 0; words.size < 600; i++) words.add(`${SYLLABLES[i % 20]}${SYLLABLES[Math.floor(i / 20) % 20]}${SYLLABLES[(Math.floor(i / 400) + 7) % 20]}`);
  return [...words];
}

export function feedDatabaseUrl(): string {
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${FEED_DB}`;
  return url.toString();
}

async function seedVersion(): Promise<string> {
  const migrations = (await readMigrations()).map((m) => `${m.version}:${m.checksum}`).join(',');
  return createHash('sha256').update(`seed-v1|${IMAGE_COUNT}|${migrations}`).digest('hex').slice(0, 16);
}

/** Makes sure the seeded database exists; returns whether it was (re)built in this run and how long that took. */
export async function ensureFeedDatabase(log: (line: string) => void): Promise<{ seeded: boolean; seconds: number }> {
  const version = await seedVersion();
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  try {
    const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [FEED_DB])).rowCount === 1;
    if (exists && (await markerOf(feedDatabaseUrl())) === version) return { seeded: false, seconds: 0 };
    await admin.query(`DROP DATABASE IF EXISTS ${FEED_DB} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${FEED_DB} TEMPLATE template0`);
  } finally {
    await admin.end();
  }
  const started = performance.now();
  const database = openPostgres({ url: feedDatabaseUrl() });
  await migrate(database);
  await database.close();
  await seed(version, log);
  return { seeded: true, seconds: (performance.now() - started) / 1000 };
}

async function markerOf(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ version: string }>('SELECT version FROM bench_seed')).rows[0]?.version ?? null;
  } catch {
    return null;
  } finally {
    await client.end();
  }
}

async function seed(version: string, log: (line: string) => void): Promise<void> {
  const client = new pg.Client({ connectionString: feedDatabaseUrl() });
  await client.connect();
  const step = async (what: string, text: string, values: unknown[] = []) => {
    const t0 = performance.now();
    await client.query(text, values);
    log(`  seed: ${what} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  };
  try {
    const words = vocabulary();
    // Bulk load without the usage-count triggers; the counts are computed once at the end.
    await client.query('SET session_replication_role = replica');
    await client.query('SELECT setseed(0.42)');
    await step(`${USERS} users`, `INSERT INTO users (id, email, username, display_name, password_hash, created_at, updated_at)
      SELECT gen_random_uuid(), 'u' || g || '@bench.test', 'bench_' || g, 'Bench ' || g, 'x', now(), now() FROM generate_series(1, ${USERS}) g`);
    await step(`${TAGS} tags`, `INSERT INTO tags (id, slug, name, created_at)
      SELECT gen_random_uuid(), ($1::text[])[g], ($1::text[])[g], now() FROM generate_series(1, ${TAGS}) g`, [words.slice(0, TAGS)]);
    const variants = JSON.stringify(
      Object.fromEntries(['thumbnail', 'small', 'medium', 'large', 'original'].map((n, i) => [n, { width: [150, 320, 800, 1600, 4000][i], height: 100, format: 'webp', file_size: 9000, sha256: 'ab'.repeat(32) }])),
    );
    const word = `w[1 + floor(random() * array_length(w, 1))::int]`;
    // Each image's two tags follow from its number, so the search vector can include their names at insert time.
    await step(`${IMAGE_COUNT} images`, `
      WITH u AS (SELECT array_agg(id ORDER BY id) AS ids FROM users),
           t AS (SELECT array_agg(name ORDER BY slug) AS names FROM tags),
           src AS (SELECT $1::text[] AS w)
      INSERT INTO images (id, owner_id, title, description, visibility, content_rating, status, format, file_size, width, height, sha256,
                          original_filename, variants, view_count, like_count, created_at, updated_at, search_vector)
      SELECT gen_random_uuid(), u.ids[1 + x.g % ${USERS}], x.title, x.description,
             CASE x.g % 3 WHEN 0 THEN 'public' WHEN 1 THEN 'unlisted' ELSE 'private' END,
             CASE WHEN x.g % 20 = 0 THEN 'nsfw' ELSE 'safe' END, 'active', 'jpeg', 250000, 4000, 3000, md5(x.g::text) || md5(x.g::text),
             'seed.jpg', $2::jsonb, floor(random() ^ 2 * 5000)::int, floor(random() ^ 3 * 500)::int, x.created, x.created,
             setweight(to_tsvector('english', x.title), 'A')
               || setweight(to_tsvector('english', t.names[1 + (x.g * 7) % ${TAGS}] || ' ' || t.names[1 + (x.g * 13 + 5) % ${TAGS}]), 'B')
               || setweight(to_tsvector('english', x.description), 'C')
        FROM (SELECT g, ${word} || ' ' || ${word} || ' ' || ${word} AS title,
                     ${word} || ' ' || ${word} || ' ' || ${word} || ' ' || ${word} || ' ' || ${word} || ' ' || ${word} || ' ' || ${word} || ' ' || ${word} AS description,
                     now() - make_interval(secs => g * 60) AS created
                FROM src, generate_series(1, ${IMAGE_COUNT}) g) x, u, t`, [words, variants]);
    await step('image tags', `
      WITH n AS (SELECT id, row_number() OVER (ORDER BY created_at DESC) AS g FROM images),
           t AS (SELECT array_agg(id ORDER BY slug) AS ids FROM tags)
      INSERT INTO image_tags (image_id, tag_id)
      SELECT n.id, t.ids[1 + (n.g * 7) % ${TAGS}] FROM n, t
      UNION
      SELECT n.id, t.ids[1 + (n.g * 13 + 5) % ${TAGS}] FROM n, t`);
    await step('tag usage counts', `UPDATE tags SET usage_count = c.n
      FROM (SELECT it.tag_id, count(*)::int AS n FROM image_tags it JOIN images i ON i.id = it.image_id
             WHERE i.status = 'active' AND i.visibility = 'public' GROUP BY it.tag_id) c WHERE tags.id = c.tag_id`);
    await client.query('SET session_replication_role = origin');
    await step('vacuum analyze', 'VACUUM ANALYZE');
    await client.query('CREATE TABLE bench_seed (version text NOT NULL)');
    await client.query('INSERT INTO bench_seed VALUES ($1)', [version]);
  } finally {
    await client.end();
  }
}
