/** Words for an image's or album's visibility and an image's processing status, shown on the owner's cards. */
import type { Image, Visibility } from '../api/types.js';

export const VISIBILITY_LABELS: Readonly<Record<Visibility, string>> = { public: 'Public', unlisted: 'Unlisted', private: 'Private' };

export function VisibilityBadge({ visibility }: { visibility: Visibility }) {
  return <span class={`badge badge-${visibility}`}>{VISIBILITY_LABELS[visibility]}</span>;
}

/** Why an owner's image has no thumbnail yet (or any more); null when it is active. */
export function statusText(status: Image['status']): string | null {
  switch (status) {
    case 'processing':
      return 'Still processing…';
    case 'failed':
      return 'Processing failed';
    case 'flagged':
      return 'Hidden by moderation (flagged)';
    case 'active':
      return null;
  }
}

/** The options of a visibility <select>, in the order public → private. */
export function VisibilityOptions() {
  return (
    <>
      {(Object.keys(VISIBILITY_LABELS) as Visibility[]).map((value) => (
        <option key={value} value={value}>
          {VISIBILITY_LABELS[value]}
        </option>
      ))}
    </>
  );
}
