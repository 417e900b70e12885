/**
 * Feeds and search on 1,000,000 images (contract §4, §9, §11): each API figure (p50/p95 of sequential requests
 * to `node dist/main.js` on PostgreSQL) beside the very SQL Tessera ran for it, replayed through `pg` — the
 * statements are captured from the same repositories and use cases with a logging Kysely — plus the OFFSET
 * anti-peer at the cursor's depth.
 */
import http from 'node:http';
import { Kysely, PostgresDialect, type CompiledQuery } from 'kysely';
import pg from 'pg';
import { listExploreFeed, type ExploreFeed } from '../src/application/gallery/list-explore-feed.js';
import { listImages } from '../src/application/gallery/list-images.js';
import { listTags } from '../src/application/gallery/list-tags.js';
import { ANONYMOUS } from '../src/domain/identity/actor.js';
import { postgresImageRepository } from '../src/infrastructure/persistence/postgres/image-repository.js';
import { postgresLikeRepository } from '../src/infrastructure/persistence/postgres/like-repository.js';
import type { DB } from '../src/infrastructure/persistence/postgres/schema.js';
import { postgresTagRepository } from '../src/infrastructure/persistence/postgres/tag-repository.js';
import { postgresUserRepository } from '../src/infrastructure/persistence/postgres/user-repository.js';
import { systemClock } from '../src/infrastructure/system/system-clock.js';
import { COMMON_TERM, ensureFeedDatabase, feedDatabaseUrl, IMAGE_COUNT, ZERO_HIT_TERM } from './lib/feed-seed.js';
import { fmt, type Table } from './lib/table.js';
import { startTessera } from './lib/tessera.js';

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

function getText(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

const SAMPLES = Number(process.env.BENCH_FEED_SAMPLES ?? 200);
// 100,000 on the full seed; a smaller BENCH_FEED_IMAGES (a quick try) scales it down to stay inside the feed.
const DEPTH = Math.min(100_000, Math.floor(IMAGE_COUNT / 1000) * 100);
const PER_PAGE = 20;

interface Latency {
  readonly p50: number;
  readonly p95: number;
}

async function measure(op: () => Promise<unknown>): Promise<Latency> {
  for (let i = 0; i < 10; i++) await op();
  const ms: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const t0 = performance.now();
    await op();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  return { p50: ms[Math.floor(ms.length * 0.5)]!, p95: ms[Math.floor(ms.length * 0.95)]! };
}

const show = (l: Latency) => `p50 ${fmt(l.p50)} ms, p95 ${fmt(l.p95)} ms`;

/** Runs `fn` against repositories whose Kysely records every statement instead of keeping it to itself. */
async function capture(pool: pg.Pool, fn: (deps: CaptureDeps) => Promise<unknown>): Promise<CompiledQuery[]> {
  const statements: CompiledQuery[] = [];
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), log: (event) => void statements.push(event.query) });
  await fn({ images: postgresImageRepository(db), tags: postgresTagRepository(db), users: postgresUserRepository(db), likes: postgresLikeRepository(db), clock: systemClock() });
  return statements;
}
type CaptureDeps = Parameters<typeof listImages>[0] & Parameters<typeof listTags>[0] & Parameters<typeof listExploreFeed>[0];

/** The captured statements run as the repository runs them: a page's rows and its count concurrently. */
function replay(pool: pg.Pool, statements: readonly CompiledQuery[]): () => Promise<unknown> {
  return () => Promise.all(statements.map((s) => pool.query(s.sql, [...s.parameters])));
}

export async function feedsBench(table: Table): Promise<void> {
  process.stderr.write(`Feeds and search on ${IMAGE_COUNT.toLocaleString('en')} images (PostgreSQL)\n`);
  const prepared = await ensureFeedDatabase((line) => process.stderr.write(`${line}\n`));
  process.stderr.write(prepared.seeded ? `  seeded in ${prepared.seconds.toFixed(0)} s\n` : '  reusing the seeded database\n');
  const pool = new pg.Pool({ connectionString: feedDatabaseUrl(), max: 4 });
  const tessera = await startTessera({ DATABASE_URL: feedDatabaseUrl(), RATE_LIMIT_ENABLED: 'false', LOG_LEVEL: 'warn' });
  try {
    // node:http on a keep-alive agent: the client's own cost stays small beside the server's (fetch adds ~1 ms).
    const api = (path: string) => async () => {
      const { status, body } = await getText(`${tessera.url}/api/v1${path}`);
      if (status !== 200) throw new Error(`${path}: ${status} ${body}`);
      return JSON.parse(body) as { items: unknown[]; pagination: { next_cursor?: string | null } };
    };

    // The cursor at depth 100,000, reached the way a client reaches it: page after page.
    let cursor = '';
    for (let seen = 0; seen < DEPTH; seen += 100) {
      const next = (await api(`/images?per_page=100&cursor=${encodeURIComponent(cursor)}`)()).pagination.next_cursor;
      if (!next) throw new Error(`the public feed ends before depth ${DEPTH}`);
      cursor = next;
    }

    const feed = (f: ExploreFeed) => (deps: CaptureDeps) => listExploreFeed(deps, ANONYMOUS, f, { per_page: PER_PAGE });
    const cases: { name: string; path: string; sql: (deps: CaptureDeps) => Promise<unknown>; target?: number }[] = [
      { name: 'public feed page 1, page mode (with exact total)', path: `/images?per_page=${PER_PAGE}`, sql: (d) => listImages(d, ANONYMOUS, { per_page: PER_PAGE }) },
      { name: 'public feed page 1, cursor mode', path: `/images?per_page=${PER_PAGE}&cursor=`, sql: (d) => listImages(d, ANONYMOUS, { per_page: PER_PAGE, cursor: '' }) },
      {
        name: `public feed, cursor page at depth ${DEPTH.toLocaleString('en')}`,
        path: `/images?per_page=${PER_PAGE}&cursor=${encodeURIComponent(cursor)}`,
        sql: (d) => listImages(d, ANONYMOUS, { per_page: PER_PAGE, cursor }),
      },
      { name: `search, common term "${COMMON_TERM}"`, path: `/explore/search?q=${COMMON_TERM}&per_page=${PER_PAGE}`, sql: feed({ kind: 'search', q: COMMON_TERM }) },
      { name: `search, zero-hit term`, path: `/explore/search?q=${ZERO_HIT_TERM}&per_page=${PER_PAGE}`, sql: feed({ kind: 'search', q: ZERO_HIT_TERM }) },
      { name: 'popular, period=week', path: `/explore/popular?per_page=${PER_PAGE}`, sql: feed({ kind: 'popular', period: 'week' }) },
      { name: 'tag listing', path: `/tags?per_page=${PER_PAGE}`, sql: (d) => listTags(d, { per_page: PER_PAGE }) },
    ];
    const results: Record<string, { api: Latency; sql: Latency }> = {};
    for (const c of cases) {
      const statements = await capture(pool, c.sql);
      const sql = await measure(replay(pool, statements));
      const apiLatency = await measure(api(c.path));
      results[c.name] = { api: apiLatency, sql };
      table.add({
        name: `${c.name} (API vs its SQL through pg)`,
        value: show(apiLatency),
        reference: `same SQL through pg: ${show(sql)}`,
        ratio: `${(apiLatency.p95 / sql.p95).toFixed(2)}× p95 (target ≤ 2×: ${apiLatency.p95 / sql.p95 <= 2 || apiLatency.p95 - sql.p95 < 1 ? 'met' : 'NOT MET'})`,
      });
    }

    // The anti-peer: the same page by OFFSET, which walks and discards every row before it.
    const offsetStatements = await capture(pool, (d) =>
      d.images.list({ scope: { kind: 'public' }, contentRating: 'safe', sort: 'created_at', order: 'desc' }, { mode: 'page', page: DEPTH / PER_PAGE + 1, perPage: PER_PAGE }),
    );
    const offset = await measure(replay(pool, offsetStatements.slice(0, 1)));
    const depthName = `public feed, cursor page at depth ${DEPTH.toLocaleString('en')}`;
    const deep = results[depthName]!.sql;
    table.add({ name: `page at depth ${DEPTH.toLocaleString('en')}: keyset (SQL)`, value: show(deep), reference: `OFFSET ${DEPTH.toLocaleString('en')} (SQL): ${show(offset)}`, ratio: `${(deep.p95 / offset.p95).toFixed(3)}× p95` });
    const first = results['public feed page 1, cursor mode']!.api;
    const deepApi = results[depthName]!.api;
    table.add({
      name: `cursor page p95 flat from depth 0 to ${DEPTH.toLocaleString('en')} (API)`,
      value: `depth ${DEPTH.toLocaleString('en')}: ${fmt(deepApi.p95)} ms`,
      reference: `depth 0: ${fmt(first.p95)} ms`,
      ratio: `${(deepApi.p95 / first.p95).toFixed(2)}× (target ≤ 1.5×: ${deepApi.p95 / first.p95 <= 1.5 ? 'met' : 'NOT MET'})`,
    });
    const zero = results['search, zero-hit term']!.api;
    table.add({ name: 'zero-hit search p95 (API)', value: `${fmt(zero.p95)} ms`, reference: 'target: 50 ms', ratio: `${(zero.p95 / 50).toFixed(2)}× of target (${zero.p95 < 50 ? 'met' : 'NOT MET'})` });
  } finally {
    agent.destroy();
    await tessera.stop();
    await pool.end();
  }
}
