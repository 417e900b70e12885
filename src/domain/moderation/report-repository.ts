import type { Image } from '../gallery/image.js';
import type { UserStatus } from '../identity/user.js';
import type { PageRequest } from '../shared/page.js';
import type { UserSummary } from '../social/like.js';
import type { Report, ReportReason, ReportStatus, Resolution } from './report.js';

export type NewReport = Omit<Report, 'status' | 'reviewerId' | 'resolution' | 'updatedAt'>;

/** A report with what the staff view shows (contract §12.1): people as summaries, the image even when deleted. */
export interface ReportDetails {
  readonly report: Report;
  readonly reporter: UserSummary;
  readonly reviewer: UserSummary | null;
  readonly resolvedBy: UserSummary | null;
  readonly image: Pick<Image, 'id' | 'ownerId' | 'title' | 'status' | 'visibility'> & { readonly hasThumbnail: boolean };
  readonly imageOwner: UserSummary & { readonly status: UserStatus };
}

export interface ReportListQuery {
  readonly statuses: readonly ReportStatus[];
  readonly reason?: ReportReason;
  readonly imageId?: string;
  readonly order: 'asc' | 'desc';
}

/** Reports. Transactional when obtained from `uow.run`. */
export interface ReportRepository {
  /** Inserts a `pending` report; a second open report of the same reporter and image throws ConflictError (409). */
  create(report: NewReport): Promise<Report>;
  /** `null` when missing. */
  findById(id: string): Promise<ReportDetails | null>;
  /**
   * `pending`/`reviewing` → `reviewing` with a new reviewer, only while the report is still in `from`; false when
   * another request changed it first.
   */
  startReview(id: string, from: ReportStatus, reviewerId: string, at: Date): Promise<boolean>;
  /** Closes the report with `resolution` while it is still in `from`; false when another request changed it first. */
  close(id: string, from: ReportStatus, to: 'resolved' | 'dismissed', resolution: Resolution): Promise<boolean>;
  /** Resolves every other open report of the image with `resolution`; returns the ids closed, oldest first. */
  resolveOpenOfImage(imageId: string, exceptId: string, resolution: Resolution): Promise<string[]>;
  /**
   * One page of the queue by `createdAt` in `order` (id breaks ties). Cursor mode fetches `perPage + 1` rows
   * after `[createdAt ISO, id]`; `total` is null there.
   */
  list(query: ReportListQuery, page: PageRequest): Promise<{ rows: ReportDetails[]; total: number | null }>;
}
