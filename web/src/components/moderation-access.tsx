/**
 * Shows a moderation page only to those its API serves (staff; admins for the audit log) and says so to
 * everyone else, without asking the server for anything (it would answer 401/403 anyway).
 */
import type { ComponentChildren } from 'preact';
import { isStaff } from '../api/session.js';
import { useSession } from '../use-session.js';
import { ModerationNav } from './moderation-nav.js';

export function ModerationAccess({ title, admin = false, children }: { title: string; admin?: boolean; children: ComponentChildren }) {
  const session = useSession();
  if (!isStaff(session)) {
    return (
      <section class="mod-page mod-denied">
        <h1>{title}</h1>
        <p>This page is for moderators.</p>
        {session === null && (
          <p>
            <a href="/login">Log in</a> with a moderator account to use it.
          </p>
        )}
      </section>
    );
  }
  if (admin && session?.user.role !== 'admin') {
    return (
      <section class="mod-page mod-denied">
        <ModerationNav current={null} />
        <h1>{title}</h1>
        <p>This page is for admins only.</p>
      </section>
    );
  }
  return <>{children}</>;
}
