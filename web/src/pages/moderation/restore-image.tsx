/** "Restore image" for a flagged image (contract §12.2): it becomes active, visible as before. */
import { useState } from 'preact/hooks';
import { api } from '../../api/client.js';
import type { Report } from '../../api/types.js';
import { ActionError } from '../../components/action-error.js';
import { useAction } from '../../use-action.js';

export function RestoreImage({ report, onRestored }: { report: Report; onRestored: () => void }) {
  const action = useAction();
  const [done, setDone] = useState(false);

  async function restore() {
    await action.run(async () => {
      await api(`/moderation/images/${report.image.id}/restore`, { method: 'POST' });
      setDone(true);
      onRestored();
    });
  }

  if (report.image.status !== 'flagged') {
    return done ? (
      <p class="mod-done" role="status">
        Image restored.
      </p>
    ) : null;
  }
  return (
    <div class="mod-restore">
      <p>This image is hidden (flagged). Restoring it makes it visible again as before.</p>
      <button type="button" disabled={action.busy} onClick={() => void restore()}>
        Restore image
      </button>
      <ActionError error={action.error} />
    </div>
  );
}
