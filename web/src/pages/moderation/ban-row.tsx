/** One ban: who, why, by whom, until when, and (for admins, while active) "Revoke ban". */
import { api } from '../../api/client.js';
import type { Ban, CursorPage } from '../../api/types.js';
import { When } from '../../components/moderation-time.js';
import { UserLink } from '../../components/moderation-user.js';
import { bansUrl } from '../../moderation-requests.js';
import { StatusBadge } from './status-badge.js';
import { ActionError } from '../../components/action-error.js';
import { useAction } from '../../use-action.js';

export function BanRow({ ban, admin, onChanged }: { ban: Ban; admin: boolean; onChanged: (ban: Ban) => void }) {
  const action = useAction();

  async function revoke() {
    if (!confirm(`Revoke the ban of ${ban.user.display_name}? They can log in again at once.`)) return;
    await action.run(async () => {
      await api(`/users/${ban.user.id}/ban`, { method: 'DELETE' });
      // There is no GET for one ban: the user's bans are read again and this one picked out.
      const page = await api<CursorPage<Ban>>(bansUrl('all', '', ban.user.id));
      const fresh = page.items.find((item) => item.id === ban.id);
      if (fresh) onChanged(fresh);
    });
  }

  return (
    <article class="mod-row mod-ban-row" aria-label={`Ban of ${ban.user.display_name}`}>
      <div class="mod-row-body">
        <h2 class="mod-row-title">
          <UserLink user={ban.user} /> <StatusBadge status={ban.status} />
        </h2>
        <p class="mod-description">{ban.reason}</p>
        <p class="mod-meta">
          By <UserLink user={ban.created_by} /> · <When iso={ban.created_at} />
          {ban.report_id !== null && (
            <>
              {' '}
              · <a href={`/moderation/reports/${ban.report_id}`}>from a report</a>
            </>
          )}
        </p>
        <p class="mod-meta mod-expiry">
          Expires:{' '}
          {ban.expires_at === null ? (
            'permanent'
          ) : (
            <>
              <When iso={ban.expires_at} exact /> (<When iso={ban.expires_at} />)
            </>
          )}
        </p>
        {ban.revoked_at !== null && (
          <p class="mod-meta mod-revoked">
            Revoked <When iso={ban.revoked_at} />
            {ban.revoked_by !== null && (
              <>
                {' '}
                by <UserLink user={ban.revoked_by} />
              </>
            )}
          </p>
        )}
        {admin && ban.status === 'active' && (
          <button type="button" disabled={action.busy} onClick={() => void revoke()}>
            Revoke ban
          </button>
        )}
        <ActionError error={action.error} />
      </div>
    </article>
  );
}
