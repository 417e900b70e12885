import type { Ports } from '../ports.js';
import type { Actor } from '../../domain/identity/actor.js';
import type { BanStatus } from '../../domain/moderation/ban.js';
import type { BanDetails } from '../../domain/moderation/ban-repository.js';
import { pageRequest, toPage, type Page } from '../../domain/shared/page.js';
import type { PageParams } from '../social/page-params.js';
import { requireStaff } from './require-staff.js';

/** GET /moderation/bans (contract §12.3): staff; newest first; `status` any of, `user_id` narrows. */
export async function listBans(
  deps: Pick<Ports, 'bans' | 'clock'>,
  actor: Actor,
  params: PageParams & { status?: readonly BanStatus[]; user_id?: string },
): Promise<Page<BanDetails>> {
  requireStaff(actor);
  const statuses = [...new Set(params.status ?? [])].sort();
  const filter = { statuses, ...(params.user_id === undefined ? {} : { userId: params.user_id.toLowerCase() }) };
  const fingerprint = JSON.stringify(['bans', filter.statuses, filter.userId ?? null]);
  const page = pageRequest(params, fingerprint);
  const { rows, total } = await deps.bans.list(filter, deps.clock.now(), page);
  return toPage(page, rows, total, ({ ban }) => [ban.createdAt.toISOString(), ban.id], fingerprint);
}
