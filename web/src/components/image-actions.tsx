/**
 * Edit and delete. Edit: the owner or an admin (PATCH, contract §7.6). Delete: the owner or staff, after a
 * confirm(); the owner lands on their own images, staff on the front page.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, describeError } from '../api/client.js';
import { isStaff, type Session } from '../api/session.js';
import type { Image } from '../api/types.js';
import { forget } from '../browse-context.js';
import { navigate } from '../router.js';
import { ImageEditForm } from './image-edit-form.js';

export function ImageActions({ image, session, onChange }: { image: Image; session: Session | null; onChange: (image: Image) => void }) {
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);

  // Focus returns to the Edit button when the form closes (not on the first render).
  useEffect(() => {
    if (wasEditing.current && !editing) editButton.current?.focus();
    wasEditing.current = editing;
  }, [editing]);

  if (!session) return null;
  const owner = session.user.id === image.owner.id;
  const canEdit = owner || session.user.role === 'admin';
  const canDelete = owner || isStaff(session);
  if (!canEdit && !canDelete) return null;

  async function remove() {
    const name = image.title.trim() === '' ? 'this untitled image' : `“${image.title}”`;
    if (!confirm(`Delete ${name}? This cannot be undone.`)) return;
    setBusy(true);
    try {
      await api<void>(`/images/${image.id}`, { method: 'DELETE' });
      forget(image.id);
      navigate(owner ? '/me/images' : '/');
    } catch (err) {
      setError(describeError(err));
      setBusy(false);
    }
  }

  return (
    <section class="image-actions" aria-label="Manage image">
      {editing ? (
        <ImageEditForm
          image={image}
          onSaved={(saved) => {
            onChange(saved);
            setEditing(false);
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <div class="form-buttons">
          {canEdit && (
            <button ref={editButton} type="button" onClick={() => setEditing(true)}>
              Edit
            </button>
          )}
          {canDelete && (
            <button type="button" class="danger" disabled={busy} onClick={() => void remove()}>
              {owner ? 'Delete' : 'Delete (moderation)'}
            </button>
          )}
        </div>
      )}
      {error !== null && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
