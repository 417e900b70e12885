import type { Ports } from '../ports.js';
import type { RequestContext } from '../../domain/shared/request-context.js';
import { SYSTEM_CONTEXT } from '../../domain/shared/request-context.js';
import { userRegistered, userRoleChanged } from '../../domain/identity/identity-events.js';
import { normalizeEmail } from '../../domain/identity/email.js';
import { validateRegistration } from '../../domain/identity/registration.js';
import { recordAudit } from './record-audit.js';

/**
 * At startup with ADMIN_EMAIL set: creates that account as an active admin, or promotes the existing one.
 * The password must satisfy the normal rules; an existing account keeps its own password.
 */
export async function bootstrapAdmin(
  deps: Pick<Ports, 'uow' | 'users' | 'sessions' | 'sessionStore' | 'passwordHasher' | 'clock' | 'ids' | 'identityLists' | 'logger'>,
  input: { email: string; password: string | undefined; username: string },
  ctx: RequestContext = SYSTEM_CONTEXT,
): Promise<'created' | 'promoted' | 'unchanged'> {
  const now = deps.clock.now();
  const meta = () => ({ id: deps.ids.next(), at: now, actorId: null, requestId: ctx.requestId });
  const existing = await deps.users.findActiveByEmail(normalizeEmail(input.email));
  if (existing) {
    if (existing.role === 'admin') return 'unchanged';
    await deps.uow.run(async (tx) => {
      await tx.users.updateRole(existing.id, 'admin', now);
      await tx.outbox.add(userRoleChanged(meta(), existing.id, existing.role, 'admin', null));
      // Role changes are audited (contract §12.4); this one by the system, hence no actor.
      await recordAudit(deps, tx.auditLog, ctx, {
        action: 'user.role_changed',
        actorId: null,
        targetType: 'user',
        targetId: existing.id,
        details: { old_role: existing.role, new_role: 'admin' },
      });
    });
    const sessions = await deps.sessions.listActive(existing.id, now);
    await deps.sessionStore.setRole(sessions.map((s) => s.id), 'admin');
    return 'promoted';
  }
  const valid = validateRegistration({ email: input.email, username: input.username, password: input.password }, deps.identityLists);
  const passwordHash = await deps.passwordHasher.hash(valid.password);
  await deps.uow.run(async (tx) => {
    const user = await tx.users.create({
      id: deps.ids.next(),
      email: valid.email,
      username: valid.username,
      displayName: valid.displayName,
      bio: '',
      passwordHash,
      role: 'admin',
      status: 'active',
      createdAt: now,
    });
    await tx.outbox.add(userRegistered(meta(), user));
  });
  return 'created';
}
