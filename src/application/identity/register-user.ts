import type { Ports } from '../ports.js';
import type { User } from '../../domain/identity/user.js';
import type { RequestContext } from '../../domain/shared/request-context.js';
import { userRegistered } from '../../domain/identity/identity-events.js';
import { validateRegistration, type RegistrationRequest } from '../../domain/identity/registration.js';
import { ConflictError, type FieldError } from '../../domain/shared/errors.js';
import { startSession, type IssuedTokens } from './issue-tokens.js';
import { rememberSession } from './remember-session.js';

type Deps = Pick<
  Ports,
  'uow' | 'users' | 'clock' | 'ids' | 'passwordHasher' | 'tokenSigner' | 'secretTokens' | 'identity' | 'identityLists' | 'sessionStore' | 'logger'
>;

/**
 * Validates every field, checks uniqueness, hashes, then creates the user, its session and the
 * `user.registered` event in one transaction (contract §5.4). Registration signs the user in.
 */
export async function registerUser(deps: Deps, input: RegistrationRequest, ctx: RequestContext): Promise<{ user: User; tokens: IssuedTokens }> {
  const valid = validateRegistration(input, deps.identityLists);
  // Report both clashes at once; the unique indexes still decide under a race.
  const [byEmail, byUsername] = await Promise.all([deps.users.findActiveByEmail(valid.email), deps.users.findActiveByUsername(valid.username)]);
  const clashes: FieldError[] = [];
  if (byEmail) clashes.push({ field: 'email', message: 'is already registered' });
  if (byUsername) clashes.push({ field: 'username', message: 'is already taken' });
  if (clashes.length > 0) throw new ConflictError(byEmail ? 'user.email_taken' : 'user.username_taken', 'an account with these details already exists', clashes);

  const passwordHash = await deps.passwordHasher.hash(valid.password);
  const now = deps.clock.now();
  const { user, tokens, state } = await deps.uow.run(async (tx) => {
    const created = await tx.users.create({
      id: deps.ids.next(),
      email: valid.email,
      username: valid.username,
      displayName: valid.displayName,
      bio: '',
      passwordHash,
      role: 'user',
      status: 'active',
      createdAt: now,
    });
    const started = await startSession(tx, deps, created, ctx);
    await tx.outbox.add(userRegistered({ id: deps.ids.next(), at: now, actorId: created.id, requestId: ctx.requestId }, created));
    return { user: created, ...started };
  });
  await rememberSession(deps, state);
  return { user, tokens };
}
