import type { Ports } from '../ports.js';
import type { Actor } from '../../domain/identity/actor.js';
import type { ReportDetails } from '../../domain/moderation/report-repository.js';
import { NotFoundError } from '../../domain/shared/errors.js';
import { requireStaff } from './require-staff.js';

/** GET /moderation/reports/{id} (contract §12.1); `reports` may be a transaction's, so changes can re-read it. */
export async function getReport(deps: Pick<Ports, 'reports'>, actor: Actor, id: string): Promise<ReportDetails> {
  requireStaff(actor);
  const found = await deps.reports.findById(id);
  if (!found) throw new NotFoundError('report.not_found', 'report');
  return found;
}
