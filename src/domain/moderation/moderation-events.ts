/** Contract §16 events of reports, image moderation and warnings. */
import { eventEnvelope } from '../shared/event-envelope.js';
import type { EventMeta } from '../identity/identity-events.js';
import type { Image } from '../gallery/image.js';
import type { Report, ResolutionAction } from './report.js';

const moderationEvent = (meta: EventMeta, type: string, aggregate: { type: 'report' | 'image' | 'user'; id: string }, payload: Record<string, unknown>) =>
  eventEnvelope(meta, type, aggregate, payload);

export const reportCreated = (meta: EventMeta, report: Pick<Report, 'id' | 'imageId' | 'reporterId' | 'reason'>) =>
  moderationEvent(meta, 'report.created', { type: 'report', id: report.id }, { report_id: report.id, image_id: report.imageId, reporter_id: report.reporterId, reason: report.reason });

export const reportReviewStarted = (meta: EventMeta, reportId: string, reviewerId: string) =>
  moderationEvent(meta, 'report.review_started', { type: 'report', id: reportId }, { report_id: reportId, reviewer_id: reviewerId });

/** `report.dismissed` for `dismiss`, `report.resolved` for every other action. */
export const reportClosed = (meta: EventMeta, report: Pick<Report, 'id' | 'imageId'>, action: ResolutionAction, resolvedBy: string) =>
  moderationEvent(meta, action === 'dismiss' ? 'report.dismissed' : 'report.resolved', { type: 'report', id: report.id }, { report_id: report.id, image_id: report.imageId, action, resolved_by: resolvedBy });

const imageModeration = (type: string) => (meta: EventMeta, image: Pick<Image, 'id' | 'ownerId'>, reportId: string | null, by: string) =>
  moderationEvent(meta, type, { type: 'image', id: image.id }, { image_id: image.id, owner_id: image.ownerId, report_id: reportId, by });

export const imageFlagged = imageModeration('image.flagged');
export const imageRestored = imageModeration('image.restored');

export const userWarned = (meta: EventMeta, userId: string, reportId: string, warnedBy: string) =>
  moderationEvent(meta, 'user.warned', { type: 'user', id: userId }, { user_id: userId, report_id: reportId, warned_by: warnedBy });
