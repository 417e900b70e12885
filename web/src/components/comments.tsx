/**
 * The comments of an image (oldest first, "more" by cursor), the form to add one, and a delete button on the
 * comments the viewer may remove: their own, all of them on their own image, and all of them for staff
 * (contract §10.2). Content is text only.
 */
import { useEffect, useState } from 'preact/hooks';
import { api, describeError } from '../api/client.js';
import { isStaff } from '../api/session.js';
import type { Comment, CursorPage } from '../api/types.js';
import { useSession } from '../use-session.js';

export interface CommentsProps {
  readonly imageId: string;
  readonly imageOwnerId: string;
  /** False while the image is not `active`: the server refuses new comments then (409). */
  readonly open?: boolean;
}

export function Comments({ imageId, imageOwnerId, open = true }: CommentsProps) {
  const session = useSession();
  const [comments, setComments] = useState<Comment[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  async function load(from: string) {
    try {
      const page = await api<CursorPage<Comment>>(`/images/${imageId}/comments?per_page=50&cursor=${encodeURIComponent(from)}`);
      setComments((previous) => (from === '' ? [...page.items] : [...previous, ...page.items]));
      setCursor(page.pagination.next_cursor);
    } catch (err) {
      setError(describeError(err));
    }
  }

  useEffect(() => {
    void load('');
  }, [imageId]);

  async function submit(event: Event) {
    event.preventDefault();
    if (draft.trim() === '') return;
    setSending(true);
    try {
      const added = await api<Comment>(`/images/${imageId}/comments`, { method: 'POST', body: { content: draft } });
      // Shown at once only when every older comment is already listed, so the order stays oldest first.
      if (cursor === null) setComments((previous) => [...previous, added]);
      setDraft('');
      setError(null);
    } catch (err) {
      setError(describeError(err));
    } finally {
      setSending(false);
    }
  }

  const viewerId = session?.user.id;
  const mayDelete = (comment: Comment) =>
    viewerId !== undefined && (comment.author.id === viewerId || imageOwnerId === viewerId || isStaff(session));

  return (
    <section class="comments" aria-labelledby="comments-heading">
      <h2 id="comments-heading">Comments</h2>
      <ol class="comment-list">
        {comments.map((comment) => (
          <li key={comment.id} class="comment">
            <span class="author">{comment.author.display_name}</span>{' '}
            <time dateTime={comment.created_at}>{new Date(comment.created_at).toLocaleString()}</time>
            <p class="content">{comment.content}</p>
            {mayDelete(comment) && (
              <DeleteComment comment={comment} onDeleted={() => setComments((all) => all.filter((c) => c.id !== comment.id))} />
            )}
          </li>
        ))}
      </ol>
      {cursor !== null && (
        <button type="button" onClick={() => void load(cursor)}>
          More comments
        </button>
      )}
      {error !== null && <p class="error" role="alert">{error}</p>}
      {session === null ? (
        <p>
          <a href="/login">Log in</a> to comment.
        </p>
      ) : open ? (
        <form class="comment-form" onSubmit={(e) => void submit(e)}>
          <label for="comment-content">Add a comment</label>
          <textarea id="comment-content" maxLength={1000} rows={3} value={draft} onInput={(e) => setDraft(e.currentTarget.value)} />
          <button type="submit" disabled={sending}>
            Post comment
          </button>
        </form>
      ) : (
        <p class="muted">Comments open once the image is visible to others.</p>
      )}
    </section>
  );
}

function DeleteComment({ comment, onDeleted }: { comment: Comment; onDeleted: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function remove() {
    if (!confirm(`Delete this comment by ${comment.author.display_name}?`)) return;
    setBusy(true);
    try {
      await api<void>(`/comments/${comment.id}`, { method: 'DELETE' });
      onDeleted();
    } catch (err) {
      setError(describeError(err));
      setBusy(false);
    }
  }

  return (
    <p class="comment-actions">
      <button type="button" class="link-button" disabled={busy} onClick={() => void remove()} aria-label={`Delete comment by ${comment.author.display_name}`}>
        Delete
      </button>
      {error !== null && (
        <span class="error" role="alert">
          {' '}
          {error}
        </span>
      )}
    </p>
  );
}
