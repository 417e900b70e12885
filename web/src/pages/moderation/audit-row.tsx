/** One audit entry: when, what, who (or "system"), from where, on what, and its details as key: value text. */
import type { AuditEntry } from '../../api/types.js';
import { When } from '../../components/moderation-time.js';
import { UserLink } from '../../components/moderation-user.js';
import { detailPairs } from '../../moderation-requests.js';

/** Targets with a page of their own get a link; the rest show their id. */
function targetHref(entry: AuditEntry): string | null {
  if (entry.target_id === null) return null;
  switch (entry.target_type) {
    case 'user':
      return `/users/${entry.target_id}`;
    case 'image':
      return `/images/${entry.target_id}`;
    case 'report':
      return `/moderation/reports/${entry.target_id}`;
    default:
      return null;
  }
}

export function AuditRow({ entry }: { entry: AuditEntry }) {
  const href = targetHref(entry);
  const details = detailPairs(entry.details);
  return (
    <article class="mod-row mod-audit-row" aria-label={`${entry.action} ${new Date(entry.created_at).toLocaleString()}`}>
      <div class="mod-row-body">
        <p class="mod-audit-head">
          <code class="mod-action">{entry.action}</code> <When iso={entry.created_at} exact />
        </p>
        <p class="mod-meta">
          by {entry.actor === null ? <span class="mod-system">system</span> : <UserLink user={entry.actor} />}
          {entry.ip_address !== null && (
            <>
              {' '}
              from <span class="mod-ip">{entry.ip_address}</span>
            </>
          )}
          {entry.target_type !== null && (
            <>
              {' '}
              · {entry.target_type}{' '}
              {entry.target_id !== null && (href === null ? <code class="mod-id">{entry.target_id}</code> : <a class="mod-id" href={href}>{entry.target_id}</a>)}
            </>
          )}
        </p>
        {details.length > 0 && (
          <dl class="mod-details">
            {details.map(([key, value]) => (
              <div key={key}>
                <dt>{key}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        )}
      </div>
    </article>
  );
}
