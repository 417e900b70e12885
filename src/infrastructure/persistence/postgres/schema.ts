/** Kysely row types. They never leave `infrastructure/persistence/postgres`: repositories map them to domain types. */
import type { ColumnType, Generated, JSONColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface SchemaMigrationsTable {
  version: string;
  name: string;
  checksum: string;
  applied_at: Generated<Timestamp>;
}

export interface OutboxTable {
  seq: Generated<string>;
  id: string;
  type: string;
  version: number;
  occurred_at: Timestamp;
  aggregate_type: string;
  aggregate_id: string;
  actor_id: string | null;
  request_id: string | null;
  payload: JSONColumnType<Record<string, unknown>, string, string>;
  published_at: Timestamp | null;
  attempts: Generated<number>;
}

export interface UsersTable {
  id: string;
  email: string;
  username: string;
  display_name: string;
  bio: string;
  password_hash: string;
  role: string;
  status: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  deleted_at: Timestamp | null;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  ip_address: string;
  user_agent: string;
  created_at: Timestamp;
  last_used_at: Timestamp;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
}

export interface RefreshTokensTable {
  token_hash: string;
  session_id: string;
  family_id: string;
  parent_hash: string | null;
  issued_at: Timestamp;
  expires_at: Timestamp;
  rotated_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface AuditLogTable {
  id: string;
  occurred_at: Timestamp;
  action: string;
  actor_id: string | null;
  target_type: string | null;
  target_id: string | null;
  ip_address: string | null;
  request_id: string | null;
  details: JSONColumnType<Record<string, unknown>, string, string>;
}

export interface ImagesTable {
  id: string;
  owner_id: string;
  title: string;
  description: string;
  visibility: string;
  content_rating: string;
  status: string;
  format: string;
  file_size: number;
  width: number;
  height: number;
  sha256: string;
  original_filename: string;
  variants: JSONColumnType<Record<string, { width: number; height: number; format: string; file_size: number; sha256: string }>, string, string>;
  exif: JSONColumnType<Record<string, unknown> | null, string | null, string | null>;
  failure_reason: string | null;
  view_count: Generated<number>;
  like_count: Generated<number>;
  comment_count: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  deleted_at: Timestamp | null;
  /** tsvector, written only by SQL (`search-vector.ts`); never selected into a row. */
  search_vector: Generated<string>;
}

export interface TagsTable {
  id: string;
  slug: string;
  name: string;
  created_at: Timestamp;
  /** Kept by triggers (migration 0006). */
  usage_count: Generated<number>;
}

export interface ImageTagsTable {
  image_id: string;
  tag_id: string;
}

export interface AlbumsTable {
  id: string;
  owner_id: string;
  title: string;
  description: string;
  visibility: string;
  cover_image_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AlbumImagesTable {
  album_id: string;
  image_id: string;
  position: number;
  added_at: Timestamp;
}

export interface LikesTable {
  image_id: string;
  user_id: string;
  created_at: Timestamp;
}

export interface CommentsTable {
  id: string;
  image_id: string;
  author_id: string;
  content: string;
  created_at: Timestamp;
  deleted_at: Timestamp | null;
}

export interface BansTable {
  id: string;
  user_id: string;
  reason: string;
  created_by: string;
  report_id: string | null;
  created_at: Timestamp;
  expires_at: Timestamp | null;
  revoked_at: Timestamp | null;
  revoked_by: string | null;
}

export interface ReportsTable {
  id: string;
  reporter_id: string;
  image_id: string;
  reason: string;
  description: string;
  status: string;
  reviewer_id: string | null;
  resolution_action: string | null;
  resolution_notes: string | null;
  resolved_by: string | null;
  resolved_at: Timestamp | null;
  ban_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface DB {
  schema_migrations: SchemaMigrationsTable;
  outbox: OutboxTable;
  users: UsersTable;
  sessions: SessionsTable;
  refresh_tokens: RefreshTokensTable;
  audit_log: AuditLogTable;
  bans: BansTable;
  images: ImagesTable;
  tags: TagsTable;
  image_tags: ImageTagsTable;
  likes: LikesTable;
  comments: CommentsTable;
  albums: AlbumsTable;
  album_images: AlbumImagesTable;
  reports: ReportsTable;
}
