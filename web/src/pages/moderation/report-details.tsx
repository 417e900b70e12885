/** A report's facts, and its resolution once closed. Every user string is a text node (descriptions multi-line). */
import type { Report, ResolutionAction } from '../../api/types.js';
import { When } from '../../components/moderation-time.js';
import { UserLink } from '../../components/moderation-user.js';
import { imageLabel, ReportThumb } from './report-thumb.js';
import { StatusBadge } from './status-badge.js';

export const ACTION_LABELS: Record<ResolutionAction, string> = {
  dismiss: 'Dismiss (no action)',
  warn: 'Warn the owner',
  remove: 'Remove the image (hide it from everyone but staff)',
  ban: 'Ban the owner (and remove the image)',
};

export function ReportDetails({ report }: { report: Report }) {
  const { image } = report;
  return (
    <div class="mod-report">
      <div class="mod-report-image">
        <ReportThumb image={image} />
        <p>
          <a href={`/images/${image.id}`}>{imageLabel(image)}</a>
          <br />
          by <UserLink user={image.owner} />
          <br />
          <span class="mod-image-state">
            image <span class={`mod-badge mod-image-${image.status}`}>{image.status}</span> · {image.visibility}
          </span>
        </p>
      </div>
      <dl class="mod-facts">
        <dt>Status</dt>
        <dd>
          <StatusBadge status={report.status} />
        </dd>
        <dt>Reason</dt>
        <dd class="mod-reason">{report.reason}</dd>
        <dt>Description</dt>
        <dd class="mod-description">{report.description === '' ? <span class="mod-none">none given</span> : report.description}</dd>
        <dt>Reported by</dt>
        <dd>
          <UserLink user={report.reporter} />
        </dd>
        <dt>Reported</dt>
        <dd>
          <When iso={report.created_at} exact />
        </dd>
        <dt>Reviewer</dt>
        <dd class="mod-reviewer">{report.reviewer === null ? <span class="mod-none">nobody yet</span> : <UserLink user={report.reviewer} />}</dd>
      </dl>
    </div>
  );
}

export function ResolutionDetails({ report }: { report: Report }) {
  const { resolution } = report;
  if (resolution === null) return null;
  return (
    <section class="mod-resolution" aria-labelledby="resolution-heading">
      <h2 id="resolution-heading">Resolution</h2>
      <dl class="mod-facts">
        <dt>Action</dt>
        <dd class="mod-action">{resolution.action}</dd>
        <dt>Notes</dt>
        <dd class="mod-description">{resolution.notes === '' ? <span class="mod-none">none</span> : resolution.notes}</dd>
        <dt>Resolved by</dt>
        <dd>
          <UserLink user={resolution.resolved_by} />
        </dd>
        <dt>Resolved</dt>
        <dd>
          <When iso={resolution.resolved_at} exact />
        </dd>
        {resolution.ban_id !== null && (
          <>
            <dt>Ban</dt>
            <dd>
              <a href="/moderation/bans?status=all">See the bans list</a>
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}
