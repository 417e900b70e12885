// Regenerates test/fixtures/images/ (committed, so tests never depend on this script): `node scripts/make-fixtures.mjs`.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import sharp from 'sharp';

const dir = path.resolve(import.meta.dirname, '../test/fixtures/images');
fs.mkdirSync(dir, { recursive: true });
const write = (name, bytes) => fs.writeFileSync(path.join(dir, name), bytes);

/** Smooth gradient: compresses well and still exercises the encoders. */
function gradient(width, height) {
  const px = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const i = (y * width + x) * 3;
      px[i] = Math.round((x / width) * 255);
      px[i + 1] = Math.round((y / height) * 255);
      px[i + 2] = 128;
    }
  }
  return sharp(px, { raw: { width, height, channels: 3 } });
}

/** Left half one colour, right half another: a pixel probe then tells how the image was turned. */
function halves(width, height, left, right, channels = 3) {
  const px = Buffer.alloc(width * height * channels);
  for (let i = 0; i < width * height; i += 1) px.set(i % width < width / 2 ? left : right, i * channels);
  return sharp(px, { raw: { width, height, channels } });
}

// EXIF with every field of contract §7.5, GPS (IFD3) included; plus a P3 ICC profile and XMP, so the
// "variants carry no metadata" tests have something to strip.
const landscape = await gradient(1200, 800)
  .withExif({
    IFD0: { Make: 'Tessera Optics', Model: 'TX-100', Software: 'make-fixtures' },
    IFD2: {
      DateTimeOriginal: '2024:05:17 14:03:22',
      OffsetTimeOriginal: '+02:00',
      ExposureTime: '1/250',
      FNumber: '28/10',
      ISOSpeedRatings: '200',
      FocalLength: '35/1',
      LensModel: 'TX 35mm F2.8',
    },
    IFD3: {
      GPSLatitudeRef: 'N',
      GPSLatitude: '48/1 51/1 2964/100',
      GPSLongitudeRef: 'W',
      GPSLongitude: '2/1 17/1 4020/100',
      GPSAltitudeRef: '1',
      GPSAltitude: '1250/100',
    },
  })
  .withIccProfile('p3')
  .withXmp('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/></x:xmpmeta>')
  .jpeg({ quality: 80 })
  .toBuffer();
setGpsAltitudeBelowSeaLevel(landscape);
write('landscape.jpg', landscape);
write('truncated.jpg', landscape.subarray(0, Math.floor(landscape.length / 2)));

// Stored 300×200 with orientation 6 (turn 90° clockwise): displayed 200×300, the red half on top.
write('rotated.jpg', await halves(300, 200, [255, 0, 0], [0, 0, 255]).withMetadata({ orientation: 6 }).jpeg({ quality: 90 }).toBuffer());

// Left half fully transparent, right half opaque red.
write('alpha.png', await halves(200, 100, [0, 0, 0, 0], [255, 0, 0, 255], 4).png().toBuffer());

// Three 120×90 frames, red then green then blue, stacked as pages.
const frames = Buffer.concat(
  [[255, 0, 0], [0, 255, 0], [0, 0, 255]].map((rgb) => Buffer.from(Array.from({ length: 120 * 90 }, () => rgb).flat())),
);
write(
  'animated.gif',
  await sharp(frames, { raw: { width: 120, height: 270, channels: 3, pageHeight: 90 } }).gif({ delay: [200, 200, 200], loop: 0 }).toBuffer(),
);

write('small.webp', await gradient(100, 80).webp({ quality: 80 }).toBuffer());
write('photo.avif', await gradient(400, 300).avif({ quality: 50, effort: 2 }).toBuffer());
write('bomb.png', bombPng(30_000, 30_000));

write('text.jpg', Buffer.from('This is a plain text file wearing a .jpg name.\n'));
write(
  'image.svg',
  Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><rect width="100" height="100" fill="red"/></svg>\n'),
);
// JPEG magic, then no JPEG at all: passes the signature check, must fail the header read.
write('polyglot.jpg', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('<?php echo "hi"; ?>\n'.repeat(8))]));

/**
 * libvips cannot write BYTE tags from strings, so GPSAltitudeRef stays 0: walk the TIFF block to the GPS IFD
 * and set the entry's inline value to 1 (below sea level) in place.
 */
function setGpsAltitudeBelowSeaLevel(jpeg) {
  const tiff = jpeg.indexOf('Exif\0\0', 0, 'latin1') + 6;
  const le = jpeg.toString('latin1', tiff, tiff + 2) === 'II';
  const u16 = (at) => (le ? jpeg.readUInt16LE(at) : jpeg.readUInt16BE(at));
  const u32 = (at) => (le ? jpeg.readUInt32LE(at) : jpeg.readUInt32BE(at));
  const entries = (ifd) => Array.from({ length: u16(tiff + ifd) }, (_, i) => tiff + ifd + 2 + 12 * i);
  const gpsPointer = entries(u32(tiff + 4)).find((e) => u16(e) === 0x8825);
  const altitudeRef = gpsPointer && entries(u32(gpsPointer + 8)).find((e) => u16(e) === 0x0005 && u16(e + 2) === 1);
  if (!altitudeRef) throw new Error('no GPSAltitudeRef entry to patch');
  jpeg[altitudeRef + 8] = 1;
}

/**
 * A black 1-bit greyscale PNG, built by hand: sharp would have to produce all its pixels, and 1 bit per
 * pixel keeps a 900-megapixel image near 110 KB while it still decodes to ~900 MB.
 */
function bombPng(width, height) {
  const chunk = (type, data) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(zlib.crc32(body), body.length + 4);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([1, 0, 0, 0, 0], 8); // bit depth 1, greyscale, deflate, no filter method, no interlace
  const rows = Buffer.alloc((1 + Math.ceil(width / 8)) * height); // filter byte 0 + zero bits per row
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
