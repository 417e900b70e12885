/**
 * The scanner when `CLAMAV_URL` is unset: it never blocks an upload and never reads its bytes. The container
 * logs the loud warning and readiness reports `disabled`; this adapter stays silent so it can be reused freely.
 */
import type { MalwareScanner } from '../../../domain/gallery/malware-scanner.js';

export function disabledScanner(): MalwareScanner {
  return {
    async ping() {},
    async scan() {
      return { clean: true };
    },
  };
}
