/** A page of images as the caller sees it: every route that lists images answers through this one mapping. */
import type { Ports } from '../../../application/ports.js';
import { viewerOf } from '../../../application/gallery/get-image.js';
import type { ImageWithOwner } from '../../../domain/gallery/image-repository.js';
import type { Actor } from '../../../domain/identity/actor.js';
import type { Page } from '../../../domain/shared/page.js';
import { imageView } from './image-views.js';

export function imagePageView(ports: Pick<Ports, 'urlSigner' | 'gallery' | 'clock'>, actor: Actor, page: Page<ImageWithOwner>) {
  const deps = { urlSigner: ports.urlSigner, gallery: ports.gallery, now: ports.clock.now() };
  const viewer = viewerOf(actor);
  return { items: page.items.map((found) => imageView(found, viewer, deps)), pagination: page.pagination };
}
