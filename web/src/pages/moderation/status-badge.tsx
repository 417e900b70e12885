/** A report's or ban's status as a small coloured word (the word carries the meaning; colour only helps). */
const LABELS: Record<string, string> = { reviewing: 'in review' };

export function StatusBadge({ status }: { status: string }) {
  return <span class={`mod-badge mod-status-${status}`}>{LABELS[status] ?? status}</span>;
}
