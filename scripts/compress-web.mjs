// Writes Brotli and gzip copies of the web app's text assets next to them, once per build, so the server
// sends the smallest encoding the browser accepts without compressing on every request (@fastify/static
// `preCompressed`). The hashed names never change content, so the copies never go stale.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const assets = 'dist/web/assets';
for (const name of fs.readdirSync(assets).filter((n) => /\.(js|css|svg|json)$/.test(n))) {
  const file = path.join(assets, name);
  const bytes = fs.readFileSync(file);
  const brotli = zlib.brotliCompressSync(bytes, {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
  });
  fs.writeFileSync(`${file}.br`, brotli);
  fs.writeFileSync(`${file}.gz`, zlib.gzipSync(bytes, { level: 9 }));
}
