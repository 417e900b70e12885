import type { Ports } from '../ports.js';
import type { Actor } from '../../domain/identity/actor.js';
import type { ReportReason, ReportStatus } from '../../domain/moderation/report.js';
import type { ReportDetails } from '../../domain/moderation/report-repository.js';
import { pageRequest, toPage, type Page } from '../../domain/shared/page.js';
import type { PageParams } from '../social/page-params.js';
import { requireStaff } from './require-staff.js';

export interface ReportFilters {
  readonly status?: readonly ReportStatus[];
  readonly reason?: ReportReason;
  readonly image_id?: string;
  readonly order?: 'asc' | 'desc';
}

/** GET /moderation/reports (contract §12.1): a queue, open reports oldest first unless asked otherwise. */
export async function listReports(deps: Pick<Ports, 'reports'>, actor: Actor, params: PageParams & ReportFilters): Promise<Page<ReportDetails>> {
  requireStaff(actor);
  // Sorted and deduplicated, so `?status=a&status=b` and `?status=b&status=a` share cursors.
  const statuses = [...new Set(params.status?.length ? params.status : (['pending', 'reviewing'] as const))].sort();
  const query = { statuses, order: params.order ?? 'asc', ...(params.reason ? { reason: params.reason } : {}), ...(params.image_id ? { imageId: params.image_id.toLowerCase() } : {}) };
  const fingerprint = JSON.stringify(['reports', query.statuses, query.order, query.reason ?? null, query.imageId ?? null]);
  const page = pageRequest(params, fingerprint);
  const { rows, total } = await deps.reports.list(query, page);
  return toPage(page, rows, total, ({ report }) => [report.createdAt.toISOString(), report.id], fingerprint);
}
