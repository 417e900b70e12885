/**
 * Previous/next between the images of the grid the viewer came from: visible links, and the Left/Right
 * arrow keys when focus is not in a form control. The list itself lives in browse-context.ts.
 */
import { useEffect } from 'preact/hooks';
import { rememberList, type Neighbours } from '../browse-context.js';
import { navigate } from '../router.js';

export function BrowseLinks({ links }: { links: Neighbours }) {
  if (links.prev === null && links.next === null) return null;
  return (
    <nav class="browse" aria-label="Browse images">
      {links.prev !== null && (
        <a href={`/images/${links.prev}`} rel="prev" aria-keyshortcuts="ArrowLeft">
          ← Previous
        </a>
      )}
      {links.next !== null && (
        <a class="next" href={`/images/${links.next}`} rel="next" aria-keyshortcuts="ArrowRight">
          Next →
        </a>
      )}
    </nav>
  );
}

export function useArrowKeys(links: Neighbours): void {
  const { prev, next } = links;
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      const to = event.key === 'ArrowLeft' ? prev : event.key === 'ArrowRight' ? next : null;
      if (to === null || typing(event.target)) return;
      event.preventDefault();
      navigate(`/images/${to}`);
    }
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [prev, next]);
}

/** Arrow keys move the caret or the choice there. */
function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.closest('input, textarea, select') !== null;
}

const IMAGE_PATH = /^\/images\/([^/]+)$/;

/**
 * Remembers the grid a card was opened from (its cards' ids, in order). A bridge until ImageGrid calls
 * rememberList itself: a capture listener sees the click before the router turns it into a navigation. Called
 * once, when the image page's module loads (app.tsx imports it eagerly, so before any grid is clicked).
 */
export function rememberGridOnOpen(): void {
  document.addEventListener(
    'click',
    (event) => {
      const card = event.target instanceof Element ? event.target.closest('.grid a[href^="/images/"]') : null;
      const grid = card?.closest('.grid');
      if (!grid) return;
      const ids = Array.from(grid.querySelectorAll<HTMLAnchorElement>('a[href^="/images/"]'), (a) => IMAGE_PATH.exec(a.pathname)?.[1]);
      rememberList(ids.filter((id) => id !== undefined));
    },
    true,
  );
}
