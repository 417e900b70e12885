/** One album on My albums: its cover (the thumbnail variant), title, image count and visibility. */
import type { Album } from '../api/types.js';
import { VisibilityBadge } from './my-visibility-badge.js';

export function AlbumCard({ album }: { album: Album }) {
  return (
    <li class="album-card" data-id={album.id}>
      <a class="card" href={`/albums/${album.id}`}>
        {album.cover ? (
          // Decorative: the link's name is the album title below.
          <img src={album.cover.url} width={album.cover.width} height={album.cover.height} alt="" loading="lazy" decoding="async" />
        ) : (
          <span class="placeholder">No images yet</span>
        )}
        <span class="card-title">{album.title}</span>
      </a>
      <p class="album-card-meta">
        <span class="album-count">{album.image_count === 1 ? '1 image' : `${album.image_count} images`}</span>
        <VisibilityBadge visibility={album.visibility} />
      </p>
    </li>
  );
}
