/** The moderation pages' own tabs: Reports · Bans · Audit log (the last for admins only, as its API is). */
import { useSession } from '../use-session.js';

export type ModerationSection = 'reports' | 'bans' | 'audit';

export function ModerationNav({ current }: { current: ModerationSection | null }) {
  const session = useSession();
  const tab = (section: ModerationSection, href: string, label: string) => (
    <li>
      <a href={href} aria-current={current === section ? 'page' : undefined}>
        {label}
      </a>
    </li>
  );
  return (
    <nav class="mod-nav" aria-label="Moderation">
      <ul>
        {tab('reports', '/moderation', 'Reports')}
        {tab('bans', '/moderation/bans', 'Bans')}
        {session?.user.role === 'admin' && tab('audit', '/moderation/audit', 'Audit log')}
      </ul>
    </nav>
  );
}
