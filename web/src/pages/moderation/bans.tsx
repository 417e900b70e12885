/**
 * Bans (contract §12.3): newest first, filtered by status (kept in the address), "Load more"; admins can revoke
 * an active ban; any staff member can ban a user by id or pasted profile link.
 */
import { useEffect } from 'preact/hooks';
import type { Ban } from '../../api/types.js';
import { ModerationAccess } from '../../components/moderation-access.js';
import { FeedEnd } from '../../components/feed-end.js';
import { ModerationNav } from '../../components/moderation-nav.js';
import { BAN_FILTERS, banFilterFrom, bansAddress, bansUrl, type BanFilter } from '../../moderation-requests.js';
import { navigate, useLocation } from '../../router.js';
import { useSession } from '../../use-session.js';
import { BanForm } from './ban-form.js';
import { BanRow } from './ban-row.js';
import { useCursorPages } from '../../use-cursor-pages.js';
import './moderation.css';

const FILTER_LABELS: Record<BanFilter, string> = { active: 'Active', expired: 'Expired', revoked: 'Revoked', all: 'All' };

export function BansPage() {
  return (
    <ModerationAccess title="Bans">
      <Bans />
    </ModerationAccess>
  );
}

function Bans() {
  const session = useSession();
  const { query: search } = useLocation();
  const filter = banFilterFrom(search);
  const list = useCursorPages<Ban>(filter, (cursor) => bansUrl(filter, cursor));

  useEffect(() => {
    document.title = 'Bans · Tessera';
  }, []);

  return (
    <section class="mod-page">
      <ModerationNav current="bans" />
      <h1>Bans</h1>
      <BanForm onBanned={() => list.reload()} />
      <form class="mod-filters" aria-label="Filter bans" onSubmit={(e) => e.preventDefault()}>
        <div>
          <label for="bans-status">Status</label>
          <select id="bans-status" value={filter} onChange={(e) => navigate(bansAddress(e.currentTarget.value as BanFilter), { replace: true })}>
            {BAN_FILTERS.map((value) => (
              <option key={value} value={value}>
                {FILTER_LABELS[value]}
              </option>
            ))}
          </select>
        </div>
      </form>
      <p class="mod-hint">Newest first.</p>
      <ol class="mod-list mod-bans">
        {list.items.map((ban) => (
          <li key={ban.id}>
            <BanRow ban={ban} admin={session?.user.role === 'admin'} onChanged={(ban) => list.setItems((all) => all.map((old) => (old.id === ban.id ? ban : old)))} />
          </li>
        ))}
      </ol>
      <div class="mod-list-footer">
        <FeedEnd feed={list} empty="No bans match this filter." scroll={false} loadMoreButton />
      </div>
    </section>
  );
}
