/**
 * `npm run bench`: every figure beside a reference measured in the same run, as a ratio (tessera / reference).
 * A benchmark, never a test: nothing here asserts; it prints a table, and a section that fails says so in it.
 *
 * Knobs: BENCH_SECONDS (default 5) for every timed load; BENCH_PHOTOS (6) 12 MP JPEGs for variant throughput;
 * BENCH_UPLOADS (30) uploads per size; BENCH_PG_URL / TEST_PG_URL for the PostgreSQL server; BENCH_NGINX;
 * BENCH_FEED_IMAGES (1,000,000) and BENCH_FEED_SAMPLES (200) for feeds and search, whose seeded database
 * (`tessera_bench_feeds`) is kept between runs; BENCH_WEB_LOADS (15) cold loads of the web app per server.
 */
import { feedsBench } from './feeds.bench.js';
import { galleryBench } from './gallery.bench.js';
import { identityBench } from './identity.bench.js';
import { Table } from './lib/table.js';
import { webBench } from './web.bench.js';

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 5);

async function main(): Promise<void> {
  const table = new Table();
  const started = performance.now();
  await identityBench(table, DURATION_S).catch((err: unknown) => table.failed('identity benchmarks', err));
  await galleryBench(table, DURATION_S);
  await feedsBench(table).catch((err: unknown) => table.failed('feeds and search benchmarks', err));
  await webBench(table).catch((err: unknown) => table.failed('web app first load', err));
  process.stderr.write(`bench took ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
  process.stdout.write(table.render());
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
