/**
 * One report (contract §12.1, §12.2): its details, taking it for review (or over from another reviewer), the
 * resolution form while it is open, the resolution once closed, and restoring its image when it is flagged.
 */
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, describeError } from '../../api/client.js';
import type { Report } from '../../api/types.js';
import { ModerationAccess } from '../../components/moderation-access.js';
import { ModerationNav } from '../../components/moderation-nav.js';
import { ReportDetails, ResolutionDetails } from './report-details.js';
import { ResolveForm } from './resolve-form.js';
import { RestoreImage } from './restore-image.js';
import { ReviewControl } from './review-control.js';
import './moderation.css';

export function ReportPage({ id }: { id: string }) {
  return (
    <ModerationAccess title="Report">
      <ReportView id={id} />
    </ModerationAccess>
  );
}

function ReportView({ id }: { id: string }) {
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Said when the report changed under us (closed by someone else): shown above the fresh state.
  const [notice, setNotice] = useState<string | null>(null);

  async function reload(signal?: AbortSignal) {
    try {
      setReport(await api<Report>(`/moderation/reports/${encodeURIComponent(id)}`, signal ? { signal } : {}));
      setError(null);
    } catch (err) {
      if (!signal?.aborted) setError(err instanceof ApiError && err.status === 404 ? 'There is no such report.' : describeError(err));
    }
  }

  useEffect(() => {
    document.title = 'Report · Tessera';
    const controller = new AbortController();
    void reload(controller.signal);
    return () => controller.abort();
  }, [id]);

  const open = report !== null && (report.status === 'pending' || report.status === 'reviewing');

  return (
    <section class="mod-page mod-report-page">
      <ModerationNav current="reports" />
      <p class="mod-back">
        <a href="/moderation">← Report queue</a>
      </p>
      <h1>Report{report !== null && <span class="mod-reason">: {report.reason}</span>}</h1>
      {error !== null && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {report === null && error === null && <p class="loading">Loading…</p>}
      {report !== null && (
        <>
          <ReportDetails report={report} />
          {notice !== null && (
            <p class="error" role="alert">
              {notice}
            </p>
          )}
          {open ? (
            <>
              <ReviewControl report={report} onChange={setReport} />
              <ResolveForm
                report={report}
                onResolved={(resolved) => {
                  setNotice(null);
                  setReport(resolved);
                }}
                onClosedMeanwhile={(message) => {
                  setNotice(message);
                  void reload();
                }}
              />
            </>
          ) : (
            <ResolutionDetails report={report} />
          )}
          <RestoreImage report={report} onRestored={() => void reload()} />
        </>
      )}
    </section>
  );
}
