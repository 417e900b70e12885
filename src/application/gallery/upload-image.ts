import type { Ports } from '../ports.js';
import type { UserActor } from '../../domain/identity/actor.js';
import type { Image } from '../../domain/gallery/image.js';
import type { RequestContext } from '../../domain/shared/request-context.js';
import { imageKeys } from '../../domain/gallery/image.js';
import { imageUploaded } from '../../domain/gallery/image-events.js';
import { checkDimensions, sanitizeFilename, validateUploadFields, type UploadFieldsInput } from '../../domain/gallery/upload-policy.js';
import { BadRequestError, DomainError, ValidationError, type FieldError } from '../../domain/shared/errors.js';
import { appendAlbumImages } from './append-album-images.js';
import { checkUploadAlbum } from './check-upload-album.js';
import { scanUpload } from './scan-upload.js';

/** One part of a multipart upload, in the order the client sent them. */
export type UploadPart =
  | { readonly kind: 'field'; readonly name: string; readonly value: string }
  | { readonly kind: 'file'; readonly name: string; readonly filename: string | undefined; readonly bytes: AsyncIterable<Uint8Array> };

const TEXT_PARTS = new Set(['title', 'description', 'visibility', 'content_rating', 'album_id', 'tags']);

type Deps = Pick<Ports, 'uow' | 'albums' | 'storage' | 'inspector' | 'scanner' | 'auditLog' | 'metrics' | 'logger' | 'clock' | 'ids' | 'gallery'>;

/**
 * Contract §7.3: streams the file to a temporary object while hashing, then checks fields, signature,
 * dimensions, album and malware in that order, and records the image, its tags and `image.uploaded` in one
 * transaction. Until that commits, any failure deletes the temporary object: no row without a file, no
 * file without a row. The promote to the final key happens after commit (the job repeats it if we crash).
 */
export async function uploadImage(deps: Deps, actor: UserActor, parts: AsyncIterable<UploadPart>, ctx: RequestContext): Promise<Image> {
  const id = deps.ids.next();
  let tempKey: string | null = null;
  let committed = false;
  try {
    const fields: Record<string, string> = {};
    const tags: string[] = [];
    // Unknown and misplaced parts are collected, not thrown at once: a second file part later in the body is
    // still a 400 `bad-request` (contract §7.3 step 4 comes before step 6), and step 6 reports every failing
    // field together — an unknown part alongside an over-long title.
    const partErrors: FieldError[] = [];
    let sawFilePart = false;
    let file: { size: number; sha256: string; head: Uint8Array; filename: string | undefined } | null = null;
    for await (const part of parts) {
      if (part.kind === 'file') {
        if (sawFilePart) throw new BadRequestError('upload.second_file', 'only one file may be uploaded per request');
        sawFilePart = true;
        if (part.name !== 'file') {
          partErrors.push({ field: part.name, message: 'unknown field' });
          // Read past it (nothing is stored) so that the parts after it can still be checked.
          for await (const chunk of part.bytes) void chunk;
          continue;
        }
        const temp = await deps.storage.putTemp(part.bytes, { maxBytes: deps.gallery.maxUploadBytes, name: id });
        tempKey = temp.key;
        file = { ...temp, filename: part.filename };
      } else if (part.name === 'file') {
        partErrors.push({ field: 'file', message: 'must be a file part (one with a filename)' });
      } else if (!TEXT_PARTS.has(part.name)) {
        partErrors.push({ field: part.name, message: 'unknown field' });
      } else if (part.name === 'tags') tags.push(part.value);
      else fields[part.name] = part.value;
    }
    const valid = validateAll(() => validateUploadFields({ ...(fields as Omit<UploadFieldsInput, 'tags'>), tags }, { present: file !== null, size: file?.size ?? 0 }), partErrors);
    if (!file || !tempKey) throw new Error('unreachable: validated upload without a file');

    const format = deps.inspector.sniff(file.head);
    if (!format) throw new DomainError('unsupported-media-type', 'upload.unsupported_type', 'the file is not a JPEG, PNG, GIF, WebP or AVIF image');
    const stream = await deps.storage.read(tempKey);
    const dims = stream ? await deps.inspector.inspect(stream) : null;
    if (!dims) throw new DomainError('unprocessable', 'upload.unreadable', 'the image headers cannot be read');
    checkDimensions(dims.width, dims.height, { maxSide: deps.gallery.maxImageSide, maxPixels: deps.gallery.maxImagePixels });
    if (valid.albumId) await checkUploadAlbum(deps, actor, valid.albumId);
    await scanUpload(deps, actor, tempKey, file, ctx);

    const now = deps.clock.now();
    const image = await deps.uow.run(async (tx) => {
      const created = await tx.images.create(
        {
          id,
          ownerId: actor.userId,
          title: valid.title,
          description: valid.description,
          visibility: valid.visibility,
          contentRating: valid.contentRating,
          status: 'processing',
          format,
          fileSize: file.size,
          width: dims.width,
          height: dims.height,
          sha256: file.sha256,
          originalFilename: sanitizeFilename(file.filename),
          createdAt: now,
        },
        valid.tags,
      );
      // Re-checked under the album's lock: it may have filled up or gone since the early check.
      if (valid.albumId) await appendAlbumImages(tx, valid.albumId, [id], deps.gallery.albumMaxImages, now);
      await tx.outbox.add(imageUploaded({ id: deps.ids.next(), at: now, actorId: actor.userId, requestId: ctx.requestId }, created, valid.albumId));
      return created;
    });
    committed = true;
    deps.metrics.increment('uploads_total', { result: 'accepted' });
    await deps.storage.promote(tempKey, imageKeys.original(id)).catch((err: unknown) => {
      // Committed: the processing job promotes again, so the upload is not lost.
      deps.logger.warn({ err, image_id: id }, 'promote after commit failed; the job will retry it');
    });
    return image;
  } catch (err) {
    deps.metrics.increment('uploads_total', { result: err instanceof DomainError ? err.kind : 'error' });
    throw err;
  } finally {
    if (!committed && tempKey) {
      await deps.storage.delete(tempKey).catch((err: unknown) => deps.logger.warn({ err, key: tempKey }, 'could not delete a refused upload; the sweeper will'));
    }
  }
}

/** The field rules' verdict merged with the part errors, one entry per field (a part error names it best). */
function validateAll<T>(validate: () => T, partErrors: readonly FieldError[]): T {
  let fieldErrors: readonly FieldError[] = [];
  let valid: T | undefined;
  try {
    valid = validate();
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
    fieldErrors = err.fields ?? [];
  }
  const named = new Set(partErrors.map((e) => e.field));
  const errors = [...partErrors, ...fieldErrors.filter((e) => !named.has(e.field))];
  if (errors.length > 0 || valid === undefined) throw new ValidationError(partErrors.length > 0 ? 'upload.unknown_part' : 'upload.invalid_fields', errors);
  return valid;
}
