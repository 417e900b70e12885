/**
 * Active images written straight through the repositories, for tests of lists, feeds and search that need many
 * images and no bytes: no upload, no worker. Variants are described but not stored, so byte routes 404.
 */
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { ImageRepository, NewImage } from '../../src/domain/gallery/image-repository.js';
import type { Image } from '../../src/domain/gallery/image.js';
import { normalizeTagList } from '../../src/domain/gallery/tag.js';
import type { Variant, VariantName } from '../../src/domain/gallery/variant.js';
import type { DB } from '../../src/infrastructure/persistence/postgres/schema.js';
import { uuidV7Generator } from '../../src/infrastructure/system/uuid-v7-generator.js';

const ids = uuidV7Generator();
const variant = (name: VariantName): Variant => ({ name, width: 10, height: 8, format: 'webp', fileSize: 100, sha256: 'ab'.repeat(32) });
export const ALL_VARIANTS = Object.fromEntries((['thumbnail', 'small', 'medium', 'large', 'original'] as const).map((n) => [n, variant(n)])) as Record<VariantName, Variant>;

export interface SeedImage {
  readonly title?: string;
  readonly description?: string;
  readonly tags?: readonly string[];
  readonly visibility?: Image['visibility'];
  readonly contentRating?: Image['contentRating'];
  /** `active` (default) or left as `processing`. */
  readonly status?: 'active' | 'processing';
  readonly createdAt?: Date;
  readonly likeCount?: number;
  readonly viewCount?: number;
}

let clock = Date.UTC(2026, 0, 1);

/** Creates one image of `ownerId`; each call without `createdAt` is one second newer than the last. */
export async function seedImage(images: ImageRepository, db: Kysely<DB>, ownerId: string, seed: SeedImage = {}): Promise<Image> {
  clock += 1000;
  const image: NewImage = {
    id: ids.next(),
    ownerId,
    title: seed.title ?? '',
    description: seed.description ?? '',
    visibility: seed.visibility ?? 'public',
    contentRating: seed.contentRating ?? 'safe',
    status: 'processing',
    format: 'jpeg',
    fileSize: 1000,
    width: 40,
    height: 30,
    sha256: 'cd'.repeat(32),
    originalFilename: 'seed.jpg',
    createdAt: seed.createdAt ?? new Date(clock),
  };
  const created = await images.create(image, normalizeTagList(seed.tags ?? []).tags);
  if ((seed.status ?? 'active') === 'active') await images.markProcessed(created.id, ALL_VARIANTS, null, image.createdAt);
  if (seed.likeCount !== undefined || seed.viewCount !== undefined) {
    // Counters are owned by the likes and views features; lists only read them.
    await sql`UPDATE images SET like_count = ${seed.likeCount ?? 0}, view_count = ${seed.viewCount ?? 0} WHERE id = ${created.id}::uuid`.execute(db);
  }
  return created;
}
