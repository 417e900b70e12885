/**
 * The audit log (contract §12.4, admins only): newest first, filtered by action and a date range (kept in the
 * address; the dates are the viewer's local days), in cursor mode with "Load more".
 */
import { useEffect } from 'preact/hooks';
import type { AuditEntry } from '../../api/types.js';
import { ModerationAccess } from '../../components/moderation-access.js';
import { FeedEnd } from '../../components/feed-end.js';
import { ModerationNav } from '../../components/moderation-nav.js';
import { auditAddress, auditQueryFrom, auditUrl, AUDIT_ACTIONS, type AuditQuery } from '../../moderation-requests.js';
import { navigate, useLocation } from '../../router.js';
import { AuditRow } from './audit-row.js';
import { useCursorPages } from '../../use-cursor-pages.js';
import './moderation.css';

export function AuditPage() {
  return (
    <ModerationAccess title="Audit log" admin>
      <Audit />
    </ModerationAccess>
  );
}

function Audit() {
  const { query: search } = useLocation();
  const query = auditQueryFrom(search);
  const backwards = auditUrl(query, '') === null;
  const list = useCursorPages<AuditEntry>(auditAddress(query), backwards ? null : (cursor) => auditUrl(query, cursor) ?? '');

  useEffect(() => {
    document.title = 'Audit log · Tessera';
  }, []);

  const change = (next: Partial<AuditQuery>) => navigate(auditAddress({ ...query, ...next }), { replace: true });

  return (
    <section class="mod-page">
      <ModerationNav current="audit" />
      <h1>Audit log</h1>
      <form class="mod-filters" aria-label="Filter the audit log" onSubmit={(e) => e.preventDefault()}>
        <div>
          <label for="audit-action">Action</label>
          <select id="audit-action" value={query.action} onChange={(e) => change({ action: e.currentTarget.value })}>
            <option value="">Any action</option>
            {AUDIT_ACTIONS.map((action) => (
              <option key={action} value={action}>
                {action}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="audit-since">From (day)</label>
          <input id="audit-since" type="date" value={query.since} max={query.until || undefined} onChange={(e) => change({ since: e.currentTarget.value })} />
        </div>
        <div>
          <label for="audit-until">To (day, included)</label>
          <input id="audit-until" type="date" value={query.until} min={query.since || undefined} onChange={(e) => change({ until: e.currentTarget.value })} />
        </div>
      </form>
      {backwards && (
        <p class="error" role="alert">
          The “from” day is after the “to” day.
        </p>
      )}
      <p class="mod-hint">Newest first.</p>
      <ol class="mod-list mod-audit">
        {list.items.map((entry) => (
          <li key={entry.id}>
            <AuditRow entry={entry} />
          </li>
        ))}
      </ol>
      {!backwards && (
        <div class="mod-list-footer">
          <FeedEnd feed={list} empty="No entries match these filters." scroll={false} loadMoreButton />
        </div>
      )}
    </section>
  );
}
