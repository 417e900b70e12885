import type { Ports } from '../ports.js';
import type { Actor } from '../../domain/identity/actor.js';
import { assertMayBan, parseBanInput } from '../../domain/moderation/ban.js';
import type { BanDetails } from '../../domain/moderation/ban-repository.js';
import { NotFoundError } from '../../domain/shared/errors.js';
import type { RequestContext } from '../../domain/shared/request-context.js';
import { applyBan, revokeBannedSessions } from './apply-ban.js';
import { requireStaff } from './require-staff.js';

type Deps = Pick<Ports, 'uow' | 'users' | 'bans' | 'sessions' | 'sessionStore' | 'clock' | 'ids'>;

/**
 * POST /users/{id}/ban (contract §12.3): staff; a deleted or unknown user is 404; who may ban whom is
 * `assertMayBan`; an active ban already there is 409. Every session of the user stops working at once.
 */
export async function banUser(deps: Deps, actor: Actor, userId: string, body: { reason?: unknown; duration_hours?: unknown }, ctx: RequestContext): Promise<BanDetails> {
  const staff = requireStaff(actor);
  const user = await deps.users.findById(userId);
  if (!user || user.status === 'deleted') throw new NotFoundError('user.not_found', 'user');
  assertMayBan(staff, user);
  const input = parseBanInput(body);
  // The store first, as for account deletion: if it is down the caller gets 503 rather than a ban whose
  // sessions still work. The second pass catches a session a racing login created meanwhile.
  await revokeBannedSessions(deps, user.id);
  const ban = await deps.uow.run((tx) => applyBan(tx, deps, staff, { userId: user.id, reason: input.reason, durationHours: input.durationHours, reportId: null }, ctx));
  await revokeBannedSessions(deps, user.id);
  const details = await deps.bans.findDetails(ban.id);
  if (!details) throw new Error(`ban ${ban.id} vanished after commit`);
  return details;
}
