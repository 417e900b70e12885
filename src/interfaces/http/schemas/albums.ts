/** Request schemas of `/albums` (contract §8). Text rules live in the domain so every failing field is reported together. */
import { Type } from '@sinclair/typebox';
import { paginationQuery } from './pagination.js';

const strict = { additionalProperties: false } as const;
const Uuid = Type.String({ format: 'uuid' });
// One schema, not a union: a bad value then yields one error naming the field, not one per branch.
const NullableUuid = (description: string) => Type.Unsafe<string | null>({ type: ['string', 'null'], format: 'uuid', description });

export const AlbumParams = Type.Object({ id: Uuid });
export const AlbumImageParams = Type.Object({ id: Uuid, image_id: Uuid });

const fields = {
  title: Type.Optional(Type.String({ description: '1–255 characters; required on creation' })),
  description: Type.Optional(Type.String({ description: '0–2000 characters, multi-line' })),
  visibility: Type.Optional(Type.String({ description: 'public | unlisted | private (default private)' })),
};

export const CreateAlbumBody = Type.Object({ ...fields, cover_image_id: Type.Optional(NullableUuid('an image of yours; it joins the album')) }, strict);
export const PatchAlbumBody = Type.Object(
  { ...fields, cover_image_id: Type.Optional(NullableUuid('an image already in the album; null clears it')) },
  strict,
);

export const AddImagesBody = Type.Object({ image_ids: Type.Array(Uuid, { minItems: 1, maxItems: 100, description: '1–100 distinct ids of your images' }) }, strict);
// The full order: as many ids as an album may hold; the JSON body limit bounds it too.
export const OrderBody = Type.Object({ image_ids: Type.Array(Uuid, { maxItems: 100_000, description: 'every image of the album exactly once' }) }, strict);

export const AlbumsQuery = Type.Object({
  ...paginationQuery,
  owner_id: Type.Optional(Type.String({ format: 'user-ref' })),
  sort: Type.Optional(Type.String({ enum: ['created_at', 'updated_at'] })),
  order: Type.Optional(Type.String({ enum: ['asc', 'desc'] })),
});
export const AlbumImagesQuery = Type.Object(paginationQuery);
export const AlbumQuery = Type.Object({ per_page: paginationQuery.per_page });

export const AddImagesResponse = Type.Object({ added_count: Type.Integer(), image_count: Type.Integer() });
