/** Reports → the contract's `ReportReceipt` and staff `Report` JSON (§12.1). */
import type { Report } from '../../../domain/moderation/report.js';
import type { ReportDetails } from '../../../domain/moderation/report-repository.js';
import { isAnonymouslyReadable } from '../../../domain/gallery/visibility.js';
import { variantUrl, type ImageViewDeps } from './image-views.js';
import { userSummaryView } from './social-views.js';

export function reportReceiptView(report: Report) {
  return { id: report.id, image_id: report.imageId, reason: report.reason, description: report.description, status: report.status, created_at: report.createdAt.toISOString() };
}

export function reportView(details: ReportDetails, deps: ImageViewDeps) {
  const { report, image, imageOwner } = details;
  const anonymous = isAnonymouslyReadable({ image, ownerStatus: imageOwner.status });
  // A deleted image's files are gone (or going): no URL rather than one that 404s.
  const thumbnail = image.hasThumbnail && image.status !== 'deleted' ? variantUrl(image.id, 'thumbnail', anonymous, deps) : null;
  const resolution = report.resolution;
  return {
    id: report.id,
    reporter: userSummaryView(details.reporter),
    image: { id: image.id, title: image.title, owner: userSummaryView(imageOwner), status: image.status, visibility: image.visibility, thumbnail_url: thumbnail },
    reason: report.reason,
    description: report.description,
    status: report.status,
    reviewer: details.reviewer ? userSummaryView(details.reviewer) : null,
    resolution:
      resolution && details.resolvedBy
        ? { action: resolution.action, notes: resolution.notes, resolved_by: userSummaryView(details.resolvedBy), resolved_at: resolution.resolvedAt.toISOString(), ban_id: resolution.banId }
        : null,
    created_at: report.createdAt.toISOString(),
    updated_at: report.updatedAt.toISOString(),
  };
}
