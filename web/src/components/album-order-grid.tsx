/**
 * The owner's grid on an album page: cards in album order that can be dragged onto one another (HTML5 drag
 * and drop) or moved one place with the "Earlier"/"Later" buttons (also Alt+Arrow keys inside a card), plus
 * "Make cover" and "Remove" per image. It only reports intents; the owner view saves them.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Image } from '../api/types.js';
import { altText } from './image-grid.js';
import { OwnerThumbnail } from './my-thumbnail.js';
import { VisibilityBadge } from './my-visibility-badge.js';

type Direction = 'earlier' | 'later';

export interface AlbumOrderGridProps {
  readonly images: readonly Image[];
  /** The cover the owner chose (`cover_image_id`), if any. */
  readonly coverId: string | null;
  /** The cover shown: the chosen one, or else the first readable image (contract §8). */
  readonly shownCoverId: string | null;
  readonly busy: boolean;
  readonly onMoveBy: (image: Image, delta: number) => void;
  readonly onMoveOnto: (imageId: string, targetId: string) => void;
  readonly onCover: (image: Image) => void;
  readonly onRemove: (image: Image) => void;
}

export function AlbumOrderGrid({ images, coverId, shownCoverId, busy, onMoveBy, onMoveOnto, onCover, onRemove }: AlbumOrderGridProps) {
  const list = useRef<HTMLOListElement>(null);
  const dragId = useRef<string | null>(null);
  const [overId, setOverId] = useState<string | null>(null);
  const [focusAfter, setFocusAfter] = useState<{ id: string; direction: Direction } | null>(null);

  // Moving a keyed element in the DOM drops its focus: put it back on the same button of the moved card, or on
  // the other one when the card reached an end and that button is now disabled.
  useEffect(() => {
    if (!focusAfter || !list.current) return;
    const card = list.current.querySelector(`li[data-id="${focusAfter.id}"]`);
    const wanted = card?.querySelector<HTMLButtonElement>(`button[data-move="${focusAfter.direction}"]`);
    const other = card?.querySelector<HTMLButtonElement>(`button[data-move="${focusAfter.direction === 'earlier' ? 'later' : 'earlier'}"]`);
    (wanted && !wanted.disabled ? wanted : other)?.focus();
    setFocusAfter(null);
  }, [images, focusAfter]);

  function move(image: Image, direction: Direction) {
    onMoveBy(image, direction === 'earlier' ? -1 : 1);
    setFocusAfter({ id: image.id, direction });
  }

  return (
    <ol class="grid album-order" ref={list}>
      {images.map((image, index) => {
        const name = altText(image);
        const isCover = image.id === coverId;
        const shown = image.id === shownCoverId;
        const classes = ['album-item', shown ? 'is-cover' : '', overId === image.id ? 'drop-target' : ''].filter(Boolean).join(' ');
        return (
          <li
            key={image.id}
            class={classes}
            data-id={image.id}
            draggable
            onDragStart={(e) => {
              dragId.current = image.id;
              e.dataTransfer?.setData('text/plain', image.id);
              if (e.dataTransfer) e.dataTransfer.effectAllowed = 'move';
            }}
            onDragOver={(e) => {
              if (dragId.current === null) return;
              e.preventDefault();
              if (e.dataTransfer) e.dataTransfer.dropEffect = 'move';
              if (overId !== image.id) setOverId(image.id);
            }}
            onDragLeave={() => setOverId((current) => (current === image.id ? null : current))}
            onDrop={(e) => {
              e.preventDefault();
              const from = dragId.current;
              dragId.current = null;
              setOverId(null);
              if (from !== null && from !== image.id) onMoveOnto(from, image.id);
            }}
            onDragEnd={() => {
              dragId.current = null;
              setOverId(null);
            }}
            onKeyDown={(e) => {
              if (!e.altKey) return;
              if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') {
                e.preventDefault();
                if (index > 0) move(image, 'earlier');
              } else if (e.key === 'ArrowRight' || e.key === 'ArrowDown') {
                e.preventDefault();
                if (index < images.length - 1) move(image, 'later');
              }
            }}
          >
            <a class="card" href={`/images/${image.id}`} draggable={false}>
              <OwnerThumbnail image={image} />
              <span class="card-title">{image.title}</span>
            </a>
            <span class="album-position" aria-hidden="true">
              {index + 1}
            </span>
            <VisibilityBadge visibility={image.visibility} />
            {shown && <span class="cover-mark">{isCover ? 'Cover' : 'Cover (automatic)'}</span>}
            <div class="album-item-tools">
              <button type="button" data-move="earlier" aria-label={`Move ${name} earlier`} disabled={index === 0} onClick={() => move(image, 'earlier')}>
                ← Earlier
              </button>
              <button
                type="button"
                data-move="later"
                aria-label={`Move ${name} later`}
                disabled={index === images.length - 1}
                onClick={() => move(image, 'later')}
              >
                Later →
              </button>
              {/* A toggle that stays enabled once pressed, so keyboard focus stays on it after choosing. */}
              <button
                type="button"
                aria-label={`Make ${name} the cover`}
                aria-pressed={isCover}
                onClick={() => {
                  if (!isCover && !busy) onCover(image);
                }}
              >
                {isCover ? 'Cover ✓' : 'Make cover'}
              </button>
              <button type="button" aria-label={`Remove ${name} from the album`} disabled={busy} onClick={() => onRemove(image)}>
                Remove
              </button>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
