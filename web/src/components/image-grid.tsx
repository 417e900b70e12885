/** A responsive grid of image cards: `small` by default, `medium` for wider cells or dense screens (srcset). */
import type { Image } from '../api/types.js';

export function ImageGrid({ images }: { images: readonly Image[] }) {
  return (
    <ul class="grid">
      {images.map((image) => (
        <li key={image.id}>
          <ImageCard image={image} />
        </li>
      ))}
    </ul>
  );
}

export function altText(image: Image): string {
  return image.title.trim() === '' ? `Untitled image by ${image.owner.display_name}` : image.title;
}

function ImageCard({ image }: { image: Image }) {
  const { small, medium } = image.variants;
  const srcset = [small, medium].filter((v) => v !== undefined).map((v) => `${v.url} ${v.width}w`).join(', ');
  return (
    <a class="card" href={`/images/${image.id}`}>
      {small ? (
        <img
          src={small.url}
          srcset={srcset}
          sizes="(max-width: 600px) 50vw, (max-width: 1200px) 33vw, 25vw"
          width={small.width}
          height={small.height}
          alt={altText(image)}
          loading="lazy"
          decoding="async"
        />
      ) : (
        <span class="placeholder">{altText(image)}</span>
      )}
      <span class="card-title">{image.title}</span>
    </a>
  );
}
