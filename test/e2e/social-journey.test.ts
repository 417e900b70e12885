/**
 * The social journey of two new users against the real process on the embedded default: an album of three
 * uploaded photos, reordered and tagged; a like and a comment on a friend's photo; finding it by a word of its
 * description; paging the public feed with the cursor. The tests of this file run in order and share a server.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, register, upload, type Body } from '../support/e2e-client.js';
import { ensureBuilt, killAll, spawnServer, tempDataDir, type ServerProcess } from '../support/spawn-server.js';

const LANDSCAPE = fs.readFileSync(fileURLToPath(new URL('../fixtures/images/landscape.jpg', import.meta.url)));

describe('social journey: node dist/main.js with nothing configured', () => {
  const dataDir = tempDataDir();
  let server: ServerProcess;
  let ada: string;
  let bob: string;
  const photos: string[] = [];
  let albumId: string;
  let bobsPhoto: string;

  beforeAll(async () => {
    await ensureBuilt();
    server = await spawnServer({ env: { DATA_DIR: dataDir } });
    await server.waitForReady();
    ada = await register(server, 'ada_social');
    bob = await register(server, 'bob_social');
  }, 180_000);
  afterAll(async () => {
    await killAll();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('uploads three photos and makes an album of them', { timeout: 60_000 }, async () => {
    for (const title of ['Dawn', 'Noon', 'Dusk']) {
      const res = await upload(server, ada, { title, visibility: 'public' }, LANDSCAPE, { wait: true });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body.status).toBe('active');
      photos.push(res.body.id as string);
    }
    const album = await call(server, 'POST', '/albums', { title: 'One day at the coast', visibility: 'public' }, ada);
    expect(album.status, JSON.stringify(album.body)).toBe(201);
    albumId = album.body.id as string;
    const added = await call(server, 'POST', `/albums/${albumId}/images`, { image_ids: photos }, ada);
    expect(added.body).toEqual({ added_count: 3, image_count: 3 });
  });

  it('reorders the album: the new order is what everyone sees, the cover follows the first image', async () => {
    const reversed = [...photos].reverse();
    expect((await call(server, 'PUT', `/albums/${albumId}/images/order`, { image_ids: reversed }, ada)).status).toBe(204);
    const listed = await call(server, 'GET', `/albums/${albumId}/images`);
    expect(listed.body.items.map((i: Body) => String(i.title))).toEqual(['Dusk', 'Noon', 'Dawn']);
    const album = await call(server, 'GET', `/albums/${albumId}`);
    expect(album.body).toMatchObject({ image_count: 3, cover: { image_id: reversed[0] } });
  });

  it('tags the photos, and the tags are listed with their counts', async () => {
    for (const id of photos) {
      const res = await call(server, 'PATCH', `/images/${id}`, { tags: ['Coast', 'golden hour'] }, ada);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.tags).toEqual(['coast', 'golden-hour']);
    }
    const tags = await call(server, 'GET', '/tags');
    expect(tags.body.items).toEqual(expect.arrayContaining([{ name: 'coast', slug: 'coast', usage_count: 3 }, { name: 'golden hour', slug: 'golden-hour', usage_count: 3 }]));
    expect((await call(server, 'GET', '/tags/coast/images')).body.items).toHaveLength(3);
  });

  it('likes and comments on a friend\'s photo', { timeout: 30_000 }, async () => {
    const res = await upload(server, bob, { title: 'End of the line', description: 'A lighthouse at the end of the pier', visibility: 'public' }, LANDSCAPE, { wait: true });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    bobsPhoto = res.body.id as string;
    expect((await call(server, 'POST', `/images/${bobsPhoto}/like`, undefined, ada)).body).toEqual({ liked: true, like_count: 1 });
    const comment = await call(server, 'POST', `/images/${bobsPhoto}/comments`, { content: 'Lovely light <3' }, ada);
    expect(comment.status, JSON.stringify(comment.body)).toBe(201);
    expect(comment.body.content).toBe('Lovely light <3');
    const seenByBob = await call(server, 'GET', `/images/${bobsPhoto}`, undefined, bob);
    expect(seenByBob.body).toMatchObject({ like_count: 1, comment_count: 1, liked_by_me: false });
    expect((await call(server, 'GET', `/images/${bobsPhoto}`, undefined, ada)).body.liked_by_me).toBe(true);
    expect((await call(server, 'GET', `/images/${bobsPhoto}/comments`)).body.items.map((c: Body) => String(c.content))).toEqual(['Lovely light <3']);
  });

  it('finds the friend\'s photo by a word of its description', async () => {
    const found = await call(server, 'GET', '/explore/search?q=lighthouse');
    expect(found.body.items.map((i: Body) => String(i.id))).toEqual([bobsPhoto]);
    expect((await call(server, 'GET', '/explore/search?q=piers')).body.items.map((i: Body) => String(i.id))).toEqual([bobsPhoto]);
  });

  it('pages through the public feed with the cursor: every image once, newest first', async () => {
    const seen: string[] = [];
    let cursor = '';
    for (let i = 0; i < 10; i++) {
      const page = await call(server, 'GET', `/explore/recent?per_page=1&cursor=${encodeURIComponent(cursor)}`);
      expect(page.status, JSON.stringify(page.body)).toBe(200);
      seen.push(...page.body.items.map((item: Body) => item.id as string));
      if (page.body.pagination.next_cursor === null) break;
      cursor = page.body.pagination.next_cursor as string;
    }
    expect(seen).toEqual([bobsPhoto, ...[...photos].reverse()]);
  });
});
