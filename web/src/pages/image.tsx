/**
 * One image: the `large` variant, its text, owner, tags, likes, comments; camera facts (and the position, for
 * the owner); share codes; edit/delete for the owner (and staff); report for others; previous/next when the
 * page was opened from a grid. Every user string is a text node.
 */
import { useEffect, useState } from 'preact/hooks';
import { api, describeError } from '../api/client.js';
import { isStaff } from '../api/session.js';
import type { Image } from '../api/types.js';
import { neighbours } from '../browse-context.js';
import { Comments } from '../components/comments.js';
import { ExifDetails } from '../components/exif-details.js';
import { ImageActions } from '../components/image-actions.js';
import { BrowseLinks, rememberGridOnOpen, useArrowKeys } from '../components/image-browse.js';
import { altText } from '../components/image-grid.js';
import { LikeButton } from '../components/image-like-button.js';
import { ReportControl } from '../components/report-form.js';
import { SharePanel } from '../components/share-panel.js';
import { useSession } from '../use-session.js';
import { formatBytes } from '../api/server-info.js';
import './image.css';

/** How often a processing image is asked for again. */
const POLL_MS = 2000;

rememberGridOnOpen();

export function ImagePage({ id }: { id: string }) {
  const session = useSession();
  const [image, setImage] = useState<Image | null>(null);
  const [error, setError] = useState<string | null>(null);
  const links = neighbours(id);
  useArrowKeys(links);

  function fetchImage(signal: AbortSignal) {
    api<Image>(`/images/${encodeURIComponent(id)}`, { signal })
      .then(setImage)
      .catch((err: unknown) => {
        if (!signal.aborted) setError(describeError(err));
      });
  }

  // Reloaded when the viewer changes: `liked_by_me`, GPS and the owner's fields depend on who asks.
  useEffect(() => {
    const controller = new AbortController();
    fetchImage(controller.signal);
    return () => controller.abort();
  }, [id, session?.user.id]);

  // A fresh upload is shown while it is processed: ask again until it is active (or failed).
  useEffect(() => {
    if (image?.status !== 'processing') return;
    const controller = new AbortController();
    const timer = setTimeout(() => fetchImage(controller.signal), POLL_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [id, image]);

  useEffect(() => {
    if (image) document.title = `${altText(image)} · Tessera`;
  }, [image]);

  if (error !== null) {
    return (
      <p class="error" role="alert">
        {error}
      </p>
    );
  }
  if (!image) return <p class="loading">Loading…</p>;

  const owner = session !== null && session.user.id === image.owner.id;
  const large = image.variants.large ?? image.variants.medium;

  return (
    <article class="image-page">
      <header class="image-head">
        <BrowseLinks links={links} />
        <h1>{image.title.trim() === '' ? 'Untitled' : image.title}</h1>
        {(owner || isStaff(session)) && <Badges image={image} owner={owner} />}
        <p class="meta">
          by{' '}
          <a class="owner" href={`/users/${image.owner.id}`}>
            {image.owner.display_name}
          </a>{' '}
          · {image.view_count} {image.view_count === 1 ? 'view' : 'views'}
        </p>
      </header>
      <div class="image-media">
        {large && image.status !== 'processing' ? (
          <img class="large" src={large.url} width={large.width} height={large.height} alt={altText(image)} />
        ) : (
          <StatusPanel image={image} />
        )}
      </div>
      <div class="image-side">
        {image.status === 'active' && <LikeButton image={image} signedIn={session !== null} />}
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
        <ImageActions image={image} session={session} onChange={setImage} />
        {image.original_url !== undefined && <OriginalLink image={image} url={image.original_url} />}
        <ReportControl imageId={image.id} signedIn={session !== null} isOwner={owner} />
        <ExifDetails exif={image.exif} />
        <SharePanel image={image} />
      </div>
      <div class="image-comments">
        <Comments imageId={image.id} imageOwnerId={image.owner.id} open={image.status === 'active'} />
      </div>
    </article>
  );
}

/** The owner's uploaded file, byte for byte, through its signed URL (§7.7), under its original name. */
function OriginalLink({ image, url }: { image: Image; url: string }) {
  return (
    <p class="original">
      <a href={url} download={image.original_filename ?? ''}>
        Download original
      </a>{' '}
      <span class="muted">
        ({image.width} × {image.height}, {formatBytes(image.file_size)})
      </span>
    </p>
  );
}

/** What only the owner and staff can see: a visibility other than public, a status other than active. */
function Badges({ image, owner }: { image: Image; owner: boolean }) {
  const visibility = image.visibility === 'private' ? 'Private' : image.visibility === 'unlisted' ? 'Unlisted' : null;
  const status = { processing: 'Processing', failed: 'Processing failed', flagged: 'Hidden by moderation', active: null }[image.status];
  if (visibility === null && status === null) return null;
  return (
    <>
      <p class="badges">
        {visibility !== null && <span class={`badge visibility-${image.visibility}`}>{visibility}</span>}
        {status !== null && <span class={`badge status-${image.status}`}>{status}</span>}
      </p>
      {image.status === 'flagged' && (
        <p class="notice">Hidden by moderation: only {owner ? 'you' : 'its owner'} and the moderators can see this image.</p>
      )}
    </>
  );
}

function StatusPanel({ image }: { image: Image }) {
  switch (image.status) {
    case 'processing':
      return (
        <p class="status-panel" role="status">
          Processing… the image appears here when it is ready.
        </p>
      );
    case 'failed':
      return (
        <p class="status-panel error" role="alert">
          Processing failed: the file could not be decoded. Delete it and upload another file.
        </p>
      );
    default:
      return <p class="status-panel">No preview available.</p>;
  }
}
