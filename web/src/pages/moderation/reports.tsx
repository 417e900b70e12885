/**
 * The report queue (contract §12.1): open reports oldest first by default, filtered by status and reason
 * (kept in the address, so the filters survive going to a report and back), in cursor mode with "Load more".
 */
import { useEffect } from 'preact/hooks';
import type { Report } from '../../api/types.js';
import { ModerationAccess } from '../../components/moderation-access.js';
import { FeedEnd } from '../../components/feed-end.js';
import { ModerationNav } from '../../components/moderation-nav.js';
import { queueAddress, queueQueryFrom, QUEUE_FILTERS, REPORT_REASONS, reportsUrl, type QueueFilter, type QueueQuery } from '../../moderation-requests.js';
import { navigate, useLocation } from '../../router.js';
import { ReportRow } from './report-row.js';
import { useCursorPages } from '../../use-cursor-pages.js';
import './moderation.css';

const FILTER_LABELS: Record<QueueFilter, string> = { open: 'Open (pending or in review)', resolved: 'Resolved', dismissed: 'Dismissed', all: 'All' };

export function ReportQueuePage() {
  return (
    <ModerationAccess title="Report queue">
      <Queue />
    </ModerationAccess>
  );
}

function Queue() {
  const { query: search } = useLocation();
  const query = queueQueryFrom(search);
  const list = useCursorPages<Report>(queueAddress(query), (cursor) => reportsUrl(query, cursor));

  useEffect(() => {
    document.title = 'Report queue · Tessera';
  }, []);

  const change = (next: Partial<QueueQuery>) => navigate(queueAddress({ ...query, ...next }), { replace: true });

  return (
    <section class="mod-page">
      <ModerationNav current="reports" />
      <h1>Report queue</h1>
      <form class="mod-filters" aria-label="Filter reports" onSubmit={(e) => e.preventDefault()}>
        <div>
          <label for="queue-status">Status</label>
          <select id="queue-status" value={query.filter} onChange={(e) => change({ filter: e.currentTarget.value as QueueFilter })}>
            {QUEUE_FILTERS.map((filter) => (
              <option key={filter} value={filter}>
                {FILTER_LABELS[filter]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="queue-reason">Reason</label>
          <select id="queue-reason" value={query.reason} onChange={(e) => change({ reason: e.currentTarget.value as QueueQuery['reason'] })}>
            <option value="">Any reason</option>
            {REPORT_REASONS.map((reason) => (
              <option key={reason} value={reason}>
                {reason}
              </option>
            ))}
          </select>
        </div>
      </form>
      <p class="mod-hint">Oldest first.</p>
      <ol class="mod-list mod-reports">
        {list.items.map((report) => (
          <li key={report.id}>
            <ReportRow report={report} />
          </li>
        ))}
      </ol>
      <div class="mod-list-footer">
        <FeedEnd feed={list} empty="No reports match these filters." scroll={false} loadMoreButton />
      </div>
    </section>
  );
}
