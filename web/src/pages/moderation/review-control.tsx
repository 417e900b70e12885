/** Who reviews an open report, and the button to take it (or take it over: a handover, contract §12.2). */
import { api } from '../../api/client.js';
import type { Report } from '../../api/types.js';
import { UserLink } from '../../components/moderation-user.js';
import { useSession } from '../../use-session.js';
import { ActionError } from '../../components/action-error.js';
import { useAction } from '../../use-action.js';

export function ReviewControl({ report, onChange }: { report: Report; onChange: (report: Report) => void }) {
  const session = useSession();
  const action = useAction();
  const mine = report.reviewer !== null && report.reviewer.id === session?.user.id;

  async function review() {
    await action.run(async () => onChange(await api<Report>(`/moderation/reports/${report.id}/review`, { method: 'POST' })));
  }

  return (
    <div class="mod-review">
      {report.reviewer === null ? (
        <p>Nobody is reviewing this report yet.</p>
      ) : mine ? (
        <p>You are reviewing this report.</p>
      ) : (
        <p>
          <UserLink user={report.reviewer} /> is reviewing this report.
        </p>
      )}
      {!mine && (
        <button type="button" disabled={action.busy} onClick={() => void review()}>
          {report.reviewer === null ? 'Start review' : 'Take over review'}
        </button>
      )}
      <ActionError error={action.error} />
    </div>
  );
}
