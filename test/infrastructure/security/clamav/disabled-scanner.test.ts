import { describe, expect, it } from 'vitest';
import { disabledScanner } from '../../../../src/infrastructure/security/clamav/disabled-scanner.js';
import { describeMalwareScannerContract } from '../../../contract/malware-scanner.contract.js';

describeMalwareScannerContract('disabled', () => disabledScanner(), { detects: false });

describe('disabledScanner', () => {
  it('answers without reading the bytes, so a stalled source cannot hold an upload', async () => {
    let pulled = false;
    const stalled: AsyncIterable<Uint8Array> = {
      [Symbol.asyncIterator]: () => ({
        next: () => {
          pulled = true;
          return new Promise<IteratorResult<Uint8Array>>(() => undefined);
        },
      }),
    };
    expect(await disabledScanner().scan(stalled)).toEqual({ clean: true });
    expect(pulled).toBe(false);
  });
});
