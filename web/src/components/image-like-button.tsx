/** The like toggle with its live count (contract §10.1); anonymous visitors are sent to the login page. */
import { useEffect, useState } from 'preact/hooks';
import { api, describeError } from '../api/client.js';
import type { Image, LikeResult } from '../api/types.js';
import { navigate } from '../router.js';

export function LikeButton({ image, signedIn }: { image: Image; signedIn: boolean }) {
  const [state, setState] = useState<LikeResult>({ liked: image.liked_by_me ?? false, like_count: image.like_count });
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setState({ liked: image.liked_by_me ?? false, like_count: image.like_count }), [image]);

  async function toggle() {
    if (!signedIn) return navigate('/login');
    try {
      setState(await api<LikeResult>(`/images/${image.id}/like`, { method: state.liked ? 'DELETE' : 'POST' }));
      setError(null);
    } catch (err) {
      setError(describeError(err));
    }
  }

  return (
    <p class="like">
      <button type="button" aria-pressed={state.liked} onClick={() => void toggle()}>
        {state.liked ? '♥ Liked' : '♡ Like'}
      </button>{' '}
      <span class="like-count" aria-live="polite">
        {state.like_count} {state.like_count === 1 ? 'like' : 'likes'}
      </span>
      {error !== null && (
        <span class="error" role="alert">
          {' '}
          {error}
        </span>
      )}
    </p>
  );
}
