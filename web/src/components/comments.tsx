/** The comments of an image (oldest first, "more" by cursor) and the form to add one. Content is text only. */
import { useEffect, useState } from 'preact/hooks';
import { api, describeError } from '../api/client.js';
import type { Comment, CursorPage } from '../api/types.js';

export function Comments({ imageId, signedIn }: { imageId: string; signedIn: boolean }) {
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

  return (
    <section class="comments" aria-labelledby="comments-heading">
      <h2 id="comments-heading">Comments</h2>
      <ol class="comment-list">
        {comments.map((comment) => (
          <li key={comment.id} class="comment">
            <span class="author">{comment.author.display_name}</span>{' '}
            <time dateTime={comment.created_at}>{new Date(comment.created_at).toLocaleString()}</time>
            <p class="content">{comment.content}</p>
          </li>
        ))}
      </ol>
      {cursor !== null && (
        <button type="button" onClick={() => void load(cursor)}>
          More comments
        </button>
      )}
      {error !== null && <p class="error" role="alert">{error}</p>}
      {signedIn ? (
        <form class="comment-form" onSubmit={(e) => void submit(e)}>
          <label for="comment-content">Add a comment</label>
          <textarea id="comment-content" maxLength={1000} rows={3} value={draft} onInput={(e) => setDraft(e.currentTarget.value)} />
          <button type="submit" disabled={sending}>
            Post comment
          </button>
        </form>
      ) : (
        <p>
          <a href="/login">Log in</a> to comment.
        </p>
      )}
    </section>
  );
}
