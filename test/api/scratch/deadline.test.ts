import { expect, it } from 'vitest';
import { buildTestApp } from '../../support/build-app.js';
import { NO_LIMITS, register } from '../helpers/identity.js';
import { fixtureFile, upload } from '../helpers/images.js';
it('upload runs under UPLOAD_TIMEOUT_MS', async () => {
  const t = await buildTestApp({ env: { ...NO_LIMITS, REQUEST_TIMEOUT_MS: '300', UPLOAD_WAIT_MAX_MS: '1000' } });
  const owner = await register(t.app);
  const res = await upload(t, owner.access, [fixtureFile('small.webp')], { wait: true });
  console.log(res.statusCode, res.body);
  await t.close();
});
