/** The shapes of /api/v1 the app reads, as /work/shared/api-contract.md defines them (section numbers below). */

/** §6 */
export interface UserSummary {
  readonly id: string;
  readonly username: string;
  readonly display_name: string;
}

export interface UserSelf extends UserSummary {
  readonly email: string;
  readonly role: 'user' | 'moderator' | 'admin';
}

/** §7.1 */
export interface Variant {
  readonly url: string;
  readonly width: number;
  readonly height: number;
  readonly format: string;
  readonly file_size: number;
}

export type VariantName = 'thumbnail' | 'small' | 'medium' | 'large' | 'original';

export interface Image {
  readonly id: string;
  readonly owner: UserSummary;
  readonly title: string;
  readonly description: string;
  readonly visibility: 'public' | 'unlisted' | 'private';
  readonly status: 'processing' | 'active' | 'failed' | 'flagged';
  readonly width: number;
  readonly height: number;
  readonly variants: Partial<Record<VariantName, Variant>>;
  readonly tags: readonly string[];
  readonly view_count: number;
  readonly like_count: number;
  readonly comment_count: number;
  readonly liked_by_me?: boolean;
  readonly created_at: string;
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
