import type { Ports } from '../ports.js';
import type { UserActor } from '../../domain/identity/actor.js';
import type { RequestContext } from '../../domain/shared/request-context.js';
import { DomainError, UnavailableError } from '../../domain/shared/errors.js';
import { recordAudit } from '../identity/record-audit.js';

/**
 * Contract §7.3 step 11: infected → 422 and an audit entry (the signature name only there); scanner down →
 * 503 when SCAN_REQUIRED, otherwise accepted unscanned, logged and counted.
 */
export async function scanUpload(
  deps: Pick<Ports, 'storage' | 'scanner' | 'auditLog' | 'metrics' | 'logger' | 'clock' | 'ids' | 'gallery'>,
  actor: UserActor,
  tempKey: string,
  file: { size: number; sha256: string },
  ctx: RequestContext,
): Promise<void> {
  if (!deps.gallery.scanEnabled) return;
  try {
    const stream = await deps.storage.read(tempKey);
    if (!stream) throw new Error(`temporary upload ${tempKey} vanished before the scan`);
    const verdict = await deps.scanner.scan(stream);
    if (verdict.clean) return;
    deps.metrics.increment('malware_detections_total');
    await recordAudit(deps, deps.auditLog, ctx, {
      action: 'upload.malware_rejected',
      actorId: actor.userId,
      targetType: 'user',
      targetId: actor.userId,
      details: { sha256: file.sha256, file_size: file.size, signature: verdict.signature },
    });
    throw new DomainError('malware-detected', 'upload.malware', 'the file was flagged by the malware scanner and was not kept');
  } catch (err) {
    if (!(err instanceof UnavailableError)) throw err;
    if (deps.gallery.scanRequired) throw new UnavailableError('scanner.unavailable', 'the malware scanner is unavailable; try again later', { retryAfterS: 30, cause: err });
    deps.metrics.increment('uploads_unscanned_total');
    deps.logger.warn({ err, sha256: file.sha256 }, 'malware scanner unavailable: upload accepted unscanned');
  }
}
