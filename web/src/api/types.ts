/** The shapes of /api/v1 the app reads, as /work/shared/api-contract.md defines them (section numbers below). */

/** §6 */
export interface UserSummary {
  readonly id: string;
  readonly username: string;
  readonly display_name: string;
}

export type Role = 'user' | 'moderator' | 'admin';

export interface UserPublic extends UserSummary {
  readonly bio: string;
  readonly role: Role;
  readonly created_at: string;
}

export interface UserSelf extends UserPublic {
  readonly email: string;
  readonly status: 'pending' | 'active' | 'banned' | 'deleted';
  readonly updated_at: string;
}

/** §6 `Session`: one signed-in device (named apart from the app's own signed-in state). */
export interface SessionInfo {
  readonly id: string;
  readonly ip_address: string;
  readonly user_agent: string;
  readonly created_at: string;
  readonly last_used_at: string;
  readonly expires_at: string;
  readonly is_current: boolean;
}

/** §7.1 */
export interface Variant {
  readonly url: string;
  readonly width: number;
  readonly height: number;
  readonly format: string;
  readonly file_size: number;
}

/** §7.5; `gps` only for the owner. */
export interface Exif {
  readonly camera_make: string | null;
  readonly camera_model: string | null;
  readonly lens_model: string | null;
  readonly taken_at: string | null;
  readonly exposure_time: string | null;
  readonly f_number: number | null;
  readonly focal_length_mm: number | null;
  readonly iso: number | null;
  readonly gps?: { readonly latitude: number; readonly longitude: number; readonly altitude_m: number | null };
}

export type Visibility = 'public' | 'unlisted' | 'private';

export type VariantName = 'thumbnail' | 'small' | 'medium' | 'large' | 'original';

export interface Image {
  readonly id: string;
  readonly owner: UserSummary;
  readonly title: string;
  readonly description: string;
  readonly visibility: Visibility;
  readonly content_rating: 'safe' | 'nsfw';
  readonly status: 'processing' | 'active' | 'failed' | 'flagged';
  readonly mime_type: string;
  readonly file_size: number;
  readonly width: number;
  readonly height: number;
  readonly variants: Partial<Record<VariantName, Variant>>;
  readonly tags: readonly string[];
  readonly view_count: number;
  readonly like_count: number;
  readonly comment_count: number;
  readonly exif: Exif | null;
  readonly liked_by_me?: boolean;
  /** Owner only. */
  readonly album_ids?: readonly string[];
  readonly original_filename?: string;
  readonly original_url?: string;
  readonly created_at: string;
  readonly updated_at: string;
}

/** §8 */
export interface Album {
  readonly id: string;
  readonly owner: UserSummary;
  readonly title: string;
  readonly description: string;
  readonly visibility: Visibility;
  readonly cover_image_id: string | null;
  readonly cover: { readonly image_id: string; readonly url: string; readonly width: number; readonly height: number } | null;
  readonly image_count: number;
  readonly created_at: string;
  readonly updated_at: string;
}

/** §9 */
export interface Tag {
  readonly name: string;
  readonly slug: string;
  readonly usage_count: number;
}

/** §10 */
export interface Comment {
  readonly id: string;
  readonly image_id: string;
  readonly author: UserSummary;
  readonly content: string;
  readonly created_at: string;
}

export interface LikeResult {
  readonly liked: boolean;
  readonly like_count: number;
}

/** §12.1 */
export type ReportReason = 'spam' | 'inappropriate' | 'copyright' | 'harassment' | 'other';
export type ReportStatus = 'pending' | 'reviewing' | 'resolved' | 'dismissed';
export type ResolutionAction = 'dismiss' | 'warn' | 'remove' | 'ban';

export interface ReportReceipt {
  readonly id: string;
  readonly image_id: string;
  readonly reason: ReportReason;
  readonly description: string;
  readonly status: ReportStatus;
  readonly created_at: string;
}

export interface Report {
  readonly id: string;
  readonly reporter: UserSummary;
  readonly image: {
    readonly id: string;
    readonly title: string;
    readonly owner: UserSummary;
    readonly status: Image['status'] | 'deleted';
    readonly visibility: Visibility;
    readonly thumbnail_url: string | null;
  };
  readonly reason: ReportReason;
  readonly description: string;
  readonly status: ReportStatus;
  readonly reviewer: UserSummary | null;
  readonly resolution: {
    readonly action: ResolutionAction;
    readonly notes: string;
    readonly resolved_by: UserSummary;
    readonly resolved_at: string;
    readonly ban_id: string | null;
  } | null;
  readonly created_at: string;
  readonly updated_at: string;
}

/** §12.3 */
export interface Ban {
  readonly id: string;
  readonly user: UserSummary;
  readonly reason: string;
  readonly created_by: UserSummary;
  readonly report_id: string | null;
  readonly created_at: string;
  readonly expires_at: string | null;
  readonly revoked_at: string | null;
  readonly revoked_by: UserSummary | null;
  readonly status: 'active' | 'expired' | 'revoked';
}

/** §12.4 */
export interface AuditEntry {
  readonly id: string;
  readonly action: string;
  readonly actor: UserSummary | null;
  readonly ip_address: string | null;
  readonly target_type: 'user' | 'session' | 'image' | 'comment' | 'report' | 'ban';
  readonly target_id: string | null;
  readonly details: Readonly<Record<string, unknown>>;
  readonly created_at: string;
}

/** §4, page mode */
export interface NumberedPage<T> {
  readonly items: readonly T[];
  readonly pagination: { readonly page: number; readonly per_page: number; readonly total: number; readonly total_pages: number };
}

/** §4, cursor mode */
export interface CursorPage<T> {
  readonly items: readonly T[];
  readonly pagination: { readonly per_page: number; readonly next_cursor: string | null };
}

/** §5.4 */
export interface TokenResponse {
  readonly access_token: string;
  readonly refresh_token: string;
  readonly token_type: 'Bearer';
  readonly expires_in: number;
}

export interface AuthResponse extends TokenResponse {
  readonly user: UserSelf;
}

/** §3: RFC 9457 problem document. */
export interface Problem {
  readonly type?: string;
  readonly title?: string;
  readonly status: number;
  readonly detail?: string;
  readonly errors?: readonly { readonly field: string; readonly message: string }[];
}
