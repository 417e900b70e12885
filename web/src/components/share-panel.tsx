/**
 * Share and embed codes with copy buttons. Only for active public or unlisted images: a private image's
 * variant URLs are signed and expire within hours, and nobody else can open its page anyway.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Image } from '../api/types.js';
import { shareCodes, type ShareCode } from '../share-codes.js';
import { altText } from './image-grid.js';

export function SharePanel({ image }: { image: Image }) {
  const large = image.variants.large;
  return (
    <section class="share" aria-labelledby="share-heading">
      <h2 id="share-heading">Share</h2>
      {image.visibility === 'private' ? (
        <p class="share-unavailable">This image is private. Make it public or unlisted to share it: links to a private image expire.</p>
      ) : image.status !== 'active' || !large ? (
        <p class="share-unavailable">Sharing is possible once the image is visible to others.</p>
      ) : (
        <ul class="share-codes">
          {shareCodes({
            pageUrl: `${location.origin}/images/${image.id}`,
            imageUrl: new URL(large.url, location.origin).href,
            alt: altText(image),
            width: large.width,
            height: large.height,
          }).map((code) => (
            <li key={code.kind}>
              <ShareRow code={code} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ShareRow({ code }: { code: ShareCode }) {
  const input = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState('');
  const id = `share-${code.kind}`;

  // Cleared after a while, so copying the same code again is announced again.
  useEffect(() => {
    if (status === '') return;
    const timer = setTimeout(() => setStatus(''), 4000);
    return () => clearTimeout(timer);
  }, [status]);

  async function copy() {
    try {
      // Absent outside secure contexts, and refused when the page lacks the permission: both fall back.
      await navigator.clipboard.writeText(code.value);
      setStatus('Copied');
    } catch {
      input.current?.focus();
      input.current?.select();
      setStatus('Selected: press Ctrl+C (⌘C) to copy');
    }
  }

  return (
    <div class="share-row">
      <label for={id}>{code.label}</label>
      <div class="share-field">
        <input ref={input} id={id} type="text" readOnly value={code.value} spellcheck={false} onFocus={(e) => e.currentTarget.select()} />
        <button type="button" onClick={() => void copy()} aria-label={`Copy ${code.label}`}>
          Copy
        </button>
      </div>
      <span class="copy-status" aria-live="polite">
        {status}
      </span>
    </div>
  );
}
