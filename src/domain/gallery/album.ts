import { ValidationError, type FieldError } from '../shared/errors.js';
import { normalizeText, textProblem } from '../shared/text.js';
import { isStaff } from '../identity/role.js';
import type { UserStatus } from '../identity/user.js';
import { VISIBILITIES, type Visibility } from './image.js';
import type { Viewer } from './visibility.js';

/** An album as the domain sees it (contract §8); its images live in the membership, in album order. */
export interface Album {
  readonly id: string;
  readonly ownerId: string;
  readonly title: string;
  readonly description: string;
  readonly visibility: Visibility;
  readonly coverImageId: string | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** The text fields of a create or patch body as received; every value untrusted, absent keys stay absent. */
export interface AlbumFieldsInput {
  readonly title?: unknown;
  readonly description?: unknown;
  readonly visibility?: unknown;
}

export interface AlbumFields {
  readonly title?: string;
  readonly description?: string;
  readonly visibility?: Visibility;
}

/**
 * Contract §8 field rules (title 1–255, description 0–2000 multi-line, visibility enum) with the §1 text rules;
 * every failing field at once. `requireTitle` for creation, where the title is the one required field.
 */
export function validateAlbumFields(input: AlbumFieldsInput, opts: { requireTitle: boolean }): AlbumFields {
  const errors: FieldError[] = [];
  const text = (name: 'title' | 'description', raw: unknown, rule: { min: number; max: number; multiline: boolean }) => {
    if (raw === undefined) {
      if (name === 'title' && opts.requireTitle) errors.push({ field: name, message: 'is required' });
      return undefined;
    }
    if (typeof raw !== 'string') {
      errors.push({ field: name, message: 'must be a string' });
      return undefined;
    }
    const value = normalizeText(raw, rule);
    const problem = textProblem(value, rule);
    if (problem) errors.push({ field: name, message: problem });
    return value;
  };
  const title = text('title', input.title, { min: 1, max: 255, multiline: false });
  const description = text('description', input.description, { min: 0, max: 2000, multiline: true });
  const visibility = input.visibility;
  if (visibility !== undefined && !(VISIBILITIES as readonly unknown[]).includes(visibility)) {
    errors.push({ field: 'visibility', message: `must be one of ${VISIBILITIES.join(', ')}` });
  }
  if (errors.length > 0) throw new ValidationError('album.invalid_fields', errors);
  return {
    ...(title === undefined ? {} : { title }),
    ...(description === undefined ? {} : { description }),
    ...(visibility === undefined ? {} : { visibility: visibility as Visibility }),
  };
}

/** Contract §8 read rule, the album twin of `canRead`: staff all; banned owners hidden; owner all; else not private. */
export function canReadAlbum(viewer: Viewer, album: Pick<Album, 'ownerId' | 'visibility'>, ownerStatus: UserStatus): boolean {
  if (viewer && isStaff(viewer.role)) return true;
  if (ownerStatus === 'banned' || ownerStatus === 'deleted') return false;
  if (viewer && viewer.userId === album.ownerId) return true;
  return album.visibility !== 'private';
}

/**
 * A reorder must name every current member exactly once (contract §8): duplicates are the caller's malformed
 * input (400, by index); a different set means the album changed under them (409). Returns the verdict.
 */
export function checkReorder(current: readonly string[], requested: readonly string[]): { duplicates: number[]; sameSet: boolean } {
  const seen = new Set<string>();
  const duplicates: number[] = [];
  requested.forEach((id, i) => {
    if (seen.has(id)) duplicates.push(i);
    seen.add(id);
  });
  const members = new Set(current);
  const sameSet = duplicates.length === 0 && requested.length === members.size && requested.every((id) => members.has(id));
  return { duplicates, sameSet };
}
