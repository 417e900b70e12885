import type { PageRequest } from '../shared/page.js';
import type { UserSummary } from '../social/like.js';
import type { Ban, BanStatus } from './ban.js';

/** A ban with the people it names, as the `Ban` view shows them (contract §12.3). */
export interface BanDetails {
  readonly ban: Ban;
  readonly user: UserSummary;
  readonly createdBy: UserSummary;
  readonly revokedBy: UserSummary | null;
}

export interface BanFilter {
  /** Any of these statuses at `now`; empty or absent = all. */
  readonly statuses?: readonly BanStatus[];
  readonly userId?: string;
}

/** Bans in the database, newest first. Transactional when obtained from `uow.run`. */
export interface BanRepository {
  /**
   * Inserts a ban; the caller has checked (under the user's row lock) that no other one is active. A second
   * unrevoked permanent ban throws ConflictError `ban.already_active`.
   */
  create(ban: Ban): Promise<void>;
  /** The user's ban that is neither revoked nor ended at `now`, or null. */
  findActive(userId: string, now: Date): Promise<Ban | null>;
  /** The user's most recent ban of any status, or null. */
  findLatest(userId: string): Promise<Ban | null>;
  /** Marks the ban revoked unless it already was; returns the ban as stored afterwards, or null when unknown. */
  revoke(banId: string, at: Date, by: string): Promise<Ban | null>;
  /** `null` when unknown. */
  findDetails(banId: string): Promise<BanDetails | null>;
  /**
   * Newest first (`created_at`, then `id`). Cursor mode fetches `perPage + 1` rows after `[createdAt ISO, id]`;
   * `total` is null there.
   */
  list(filter: BanFilter, now: Date, page: PageRequest): Promise<{ rows: BanDetails[]; total: number | null }>;
  /**
   * Users still marked `banned` whose bans have all ended by `now` (none active, at least one timed ban over):
   * their latest ended ban each, oldest end first, at most `limit`. Feeds the expiry sweeper.
   */
  listLapsed(now: Date, limit: number): Promise<Ban[]>;
}
