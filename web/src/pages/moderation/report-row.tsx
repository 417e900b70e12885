/** One report in the queue: what was reported, by whom and why, and where it stands; links to its page. */
import type { Report } from '../../api/types.js';
import { When } from '../../components/moderation-time.js';
import { UserLink } from '../../components/moderation-user.js';
import { imageLabel, ReportThumb } from './report-thumb.js';
import { StatusBadge } from './status-badge.js';

export function ReportRow({ report }: { report: Report }) {
  const { image } = report;
  return (
    <article class="mod-row mod-report-row" aria-labelledby={`report-${report.id}`}>
      <ReportThumb image={image} />
      <div class="mod-row-body">
        <h2 class="mod-row-title" id={`report-${report.id}`}>
          <a href={`/moderation/reports/${report.id}`}>
            Report: <span class="mod-reason">{report.reason}</span>
          </a>{' '}
          <StatusBadge status={report.status} />
        </h2>
        <p class="mod-image-line">
          Image <a href={`/images/${image.id}`}>{imageLabel(image)}</a>{' '}
          {image.status !== 'active' && (
            <>
              <span class={`mod-badge mod-image-${image.status}`}>{image.status}</span>{' '}
            </>
          )}
          by <UserLink user={image.owner} />
        </p>
        {report.description !== '' && <p class="mod-description">{report.description}</p>}
        <p class="mod-meta">
          Reported by <UserLink user={report.reporter} /> · <When iso={report.created_at} />
          {report.reviewer !== null && (
            <>
              {' '}
              · reviewer <UserLink user={report.reviewer} />
            </>
          )}
        </p>
      </div>
    </article>
  );
}
