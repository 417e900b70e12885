import type { Ports } from '../ports.js';
import type { Actor } from '../../domain/identity/actor.js';
import type { AuditFilter, AuditRecord } from '../../domain/moderation/audit-log-reader.js';
import { pageRequest, toPage, type Page } from '../../domain/shared/page.js';
import type { PageParams } from '../social/page-params.js';
import { requireAdmin } from './require-admin.js';

export interface AuditQuery extends PageParams {
  readonly action?: readonly string[];
  readonly actor_id?: string;
  readonly target_type?: string;
  readonly target_id?: string;
  readonly since?: Date;
  readonly until?: Date;
}

/** GET /moderation/audit (contract §12.4): admins only; newest first; every filter narrows. */
export async function listAudit(deps: Pick<Ports, 'auditLogReader'>, actor: Actor, query: AuditQuery): Promise<Page<AuditRecord>> {
  requireAdmin(actor);
  const filter: AuditFilter = {
    ...(query.action && query.action.length > 0 ? { actions: [...new Set(query.action)].sort() } : {}),
    ...(query.actor_id === undefined ? {} : { actorId: query.actor_id.toLowerCase() }),
    ...(query.target_type === undefined ? {} : { targetType: query.target_type }),
    ...(query.target_id === undefined ? {} : { targetId: query.target_id }),
    ...(query.since === undefined ? {} : { since: query.since }),
    ...(query.until === undefined ? {} : { until: query.until }),
  };
  const fingerprint = JSON.stringify(['audit', filter]);
  const page = pageRequest(query, fingerprint);
  const { rows, total } = await deps.auditLogReader.list(filter, page);
  return toPage(page, rows, total, ({ entry }) => [entry.occurredAt.toISOString(), entry.id], fingerprint);
}
