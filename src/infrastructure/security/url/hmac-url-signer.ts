import { createHmac, timingSafeEqual } from 'node:crypto';
import type { UrlSigner } from '../../../domain/gallery/url-signer.js';

export function hmacUrlSigner(secret: Uint8Array): UrlSigner {
  const mac = (imageId: string, variant: string, exp: number) =>
    createHmac('sha256', secret).update(`v1:${imageId}:${variant}:${exp}`).digest();
  return {
    sign: (imageId, variant, exp) => mac(imageId, variant, exp).toString('base64url'),
    verify(imageId, variant, exp, signature) {
      const given = Buffer.from(signature, 'base64url');
      const expected = mac(imageId, variant, exp);
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  };
}
