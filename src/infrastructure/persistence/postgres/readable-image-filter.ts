/** SQL mirror of `canRead` (domain/gallery/visibility.ts) over `images` joined with its owner as `users`. */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Viewer } from '../../../domain/gallery/visibility.js';
import { isStaff } from '../../../domain/identity/role.js';

export function readableImageFilter(viewer: Viewer): RawBuilder<SqlBool> {
  if (viewer && isStaff(viewer.role)) return sql<SqlBool>`images.status <> 'deleted'`;
  const open = sql`images.status = 'active' AND images.visibility <> 'private'`;
  // The owner reads their own images in any state, unless their account is banned or deleted.
  const reach = viewer ? sql`(images.owner_id = ${viewer.userId}::uuid OR (${open}))` : sql`(${open})`;
  return sql<SqlBool>`(images.status <> 'deleted' AND users.status NOT IN ('banned', 'deleted') AND ${reach})`;
}
