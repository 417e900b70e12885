/** One image: the `large` variant, its text, owner, tags, likes and comments. Every user string is a text node. */
import { useEffect, useState } from 'preact/hooks';
import { api, describeError } from '../api/client.js';
import type { Image, LikeResult } from '../api/types.js';
import { altText } from '../components/image-grid.js';
import { Comments } from '../components/comments.js';
import { navigate } from '../router.js';
import { useSession } from '../use-session.js';

export function ImagePage({ id }: { id: string }) {
  const session = useSession();
  const [image, setImage] = useState<Image | null>(null);
  const [error, setError] = useState<string | null>(null);

  // Reloaded when the viewer changes: `liked_by_me` depends on who asks.
  useEffect(() => {
    const controller = new AbortController();
    api<Image>(`/images/${encodeURIComponent(id)}`, { signal: controller.signal })
      .then((loaded) => {
        setImage(loaded);
        document.title = `${altText(loaded)} · Tessera`;
      })
      .catch((err: unknown) => {
        if (!controller.signal.aborted) setError(describeError(err));
      });
    return () => controller.abort();
  }, [id, session?.user.id]);

  if (error !== null) return <p class="error" role="alert">{error}</p>;
  if (!image) return <p class="loading">Loading…</p>;
  const large = image.variants.large ?? image.variants.medium;

  return (
    <article class="image-page">
      <h1>{image.title.trim() === '' ? 'Untitled' : image.title}</h1>
      {large && <img class="large" src={large.url} width={large.width} height={large.height} alt={altText(image)} />}
      <p class="meta">
        by <span class="owner">{image.owner.display_name}</span> · {image.view_count} {image.view_count === 1 ? 'view' : 'views'}
      </p>
      <LikeButton image={image} signedIn={session !== null} />
      {image.description !== '' && <p class="description">{image.description}</p>}
      {image.tags.length > 0 && (
        <ul class="tags" aria-label="Tags">
          {image.tags.map((tag) => (
            <li key={tag}>
              <a href={`/tags/${encodeURIComponent(tag)}`}>#{tag}</a>
            </li>
          ))}
        </ul>
      )}
      <Comments imageId={image.id} signedIn={session !== null} />
    </article>
  );
}

function LikeButton({ image, signedIn }: { image: Image; signedIn: boolean }) {
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
      <span class="like-count">
        {state.like_count} {state.like_count === 1 ? 'like' : 'likes'}
      </span>
      {error !== null && <span class="error"> {error}</span>}
    </p>
  );
}
