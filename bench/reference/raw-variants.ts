/**
 * The reference for variant throughput: a plain sharp script making the server's five variants of each JPEG with
 * the server's exact settings (sharp-image-processor.ts; boxes and qualities imported from variant-specs.ts so they
 * cannot drift), without the server around it: read the file, encode all five at once, write them to disk.
 *
 *   node --import tsx bench/reference/raw-variants.ts <out-dir> <variant-format> <warm-up-jpeg>
 *
 * Processes the warm-up JPEG untimed and prints `ready`; then for each JPEG path read from stdin prints one JSON
 * line: its milliseconds and each output's sha256 (so the bench can check the outputs are byte-identical to the
 * server's). Driven line by line, the bench interleaves it with the server under the same background load.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import readline from 'node:readline';
import sharp, { type Sharp } from 'sharp';
import { variantSpecsFor, type SizedVariantFormat } from '../../src/domain/gallery/variant-specs.js';

const [outDirArg, formatArg, warmUp] = process.argv.slice(2);
if (!outDirArg || !formatArg || !warmUp) throw new Error('usage: raw-variants.ts <out-dir> <variant-format> <warm-up-jpeg>');
const outDir = outDirArg;
const variantFormat = formatArg as SizedVariantFormat;

interface Output {
  readonly name: string;
  readonly sha256: string;
  readonly size: number;
}

async function variantsOf(file: string, index: number): Promise<Output[]> {
  const source = await fs.readFile(file);
  const base = sharp(source, { failOn: 'error', limitInputPixels: 268_402_689, pages: 1 }).autoOrient().toColourspace('srgb');
  const specs = variantSpecsFor('jpeg', variantFormat);
  return Promise.all(
    specs.map(async (spec) => {
      const pipeline: Sharp = base.clone();
      if (spec.maxSide !== null) pipeline.resize({ width: spec.maxSide, height: spec.maxSide, fit: 'inside', withoutEnlargement: true });
      if (spec.format === 'webp') pipeline.webp({ quality: spec.quality });
      else if (spec.format === 'avif') pipeline.avif({ quality: spec.quality, effort: 3 });
      else if (spec.format === 'jpeg') pipeline.flatten({ background: '#ffffff' }).jpeg({ quality: spec.quality, mozjpeg: true });
      else pipeline.png({ compressionLevel: 6 });
      const bytes = await pipeline.toBuffer();
      await fs.writeFile(path.join(outDir, `${index}-${spec.name}.${spec.format}`), bytes);
      return { name: spec.name, sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length };
    }),
  );
}

await variantsOf(warmUp, -1); // warm-up: libvips and the encoders load on first use
process.stdout.write('ready\n');
// Then one JPEG path per stdin line, answered by one JSON line, so the bench can interleave it with the server.
let index = 0;
for await (const line of readline.createInterface({ input: process.stdin })) {
  const file = line.trim();
  if (!file) continue;
  const started = performance.now();
  const outputs = await variantsOf(file, index++);
  process.stdout.write(`${JSON.stringify({ file, ms: performance.now() - started, outputs })}\n`);
}
