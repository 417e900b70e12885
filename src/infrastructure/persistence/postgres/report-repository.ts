import { sql, type Kysely } from 'kysely';
import type { ImageStatus, Visibility } from '../../../domain/gallery/image.js';
import type { UserStatus } from '../../../domain/identity/user.js';
import type { Report, ReportReason, ReportStatus, Resolution, ResolutionAction } from '../../../domain/moderation/report.js';
import type { ReportDetails, ReportRepository } from '../../../domain/moderation/report-repository.js';
import { afterTimeAndId, limitToPage } from './keyset-page.js';
import { guardDb, type UniqueConstraintMap } from './pg-errors.js';
import type { DB } from './schema.js';

const UNIQUES: UniqueConstraintMap = {
  reports_open_key: { code: 'report.already_open', detail: 'you already have an open report on this image' },
};

const OPEN: ReportStatus[] = ['pending', 'reviewing'];

export function postgresReportRepository(db: Kysely<DB>): ReportRepository {
  const guard = <T>(context: string, op: () => Promise<T>): Promise<T> => guardDb(context, op, UNIQUES);
  const resolutionColumns = (r: Resolution) => ({
    resolution_action: r.action,
    resolution_notes: r.notes,
    resolved_by: r.resolvedBy,
    resolved_at: r.resolvedAt,
    ban_id: r.banId,
    updated_at: r.resolvedAt,
  });
  return {
    create: (report) =>
      guard('insert report', async () => {
        await db
          .insertInto('reports')
          .values({
            id: report.id,
            reporter_id: report.reporterId,
            image_id: report.imageId,
            reason: report.reason,
            description: report.description,
            status: 'pending',
            created_at: report.createdAt,
            updated_at: report.createdAt,
          })
          .execute();
        return { ...report, status: 'pending', reviewerId: null, resolution: null, updatedAt: report.createdAt };
      }),
    findById: (id) =>
      guard('find report', async () => {
        const row = await selectDetails(db).where('reports.id', '=', id).executeTakeFirst();
        return row ? toDetails(row) : null;
      }),
    startReview: (id, from, reviewerId, at) =>
      guard('start report review', async () => {
        const result = await db.updateTable('reports').set({ status: 'reviewing', reviewer_id: reviewerId, updated_at: at }).where('id', '=', id).where('status', '=', from).executeTakeFirst();
        return result.numUpdatedRows === 1n;
      }),
    close: (id, from, to, resolution) =>
      guard('close report', async () => {
        const result = await db.updateTable('reports').set({ status: to, ...resolutionColumns(resolution) }).where('id', '=', id).where('status', '=', from).executeTakeFirst();
        return result.numUpdatedRows === 1n;
      }),
    resolveOpenOfImage: (imageId, exceptId, resolution) =>
      guard('resolve open reports of image', async () => {
        const rows = await db
          .updateTable('reports')
          .set({ status: 'resolved', ...resolutionColumns(resolution) })
          .where('image_id', '=', imageId)
          .where('id', '<>', exceptId)
          .where('status', 'in', OPEN)
          .returning(['id', 'created_at'])
          .execute();
        return rows.sort((a, b) => a.created_at.getTime() - b.created_at.getTime() || a.id.localeCompare(b.id)).map((r) => r.id);
      }),
    list: (query, page) =>
      guard('list reports', async () => {
        let base = db.selectFrom('reports').where('reports.status', 'in', [...query.statuses]);
        if (query.reason) base = base.where('reports.reason', '=', query.reason);
        if (query.imageId) base = base.where('reports.image_id', '=', query.imageId);
        const ids = base.select('reports.id');
        let rows = selectDetails(db).where('reports.id', 'in', ids).orderBy('reports.created_at', query.order).orderBy('reports.id', query.order);
        if (page.mode === 'cursor' && page.after) rows = rows.where(afterTimeAndId('reports.created_at', 'reports.id', query.order, page.after));
        const [found, total] = await Promise.all([
          limitToPage(rows, page).execute(),
          page.mode === 'page' ? base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow().then((r) => r.n) : Promise.resolve(null),
        ]);
        return { rows: found.map(toDetails), total };
      }),
  };
}

/** Reports with their people and image; the image is joined whatever its status, deleted included (§12.1). */
function selectDetails(db: Kysely<DB>) {
  return db
    .selectFrom('reports')
    .innerJoin('users as reporter', 'reporter.id', 'reports.reporter_id')
    .innerJoin('images', 'images.id', 'reports.image_id')
    .innerJoin('users as owner', 'owner.id', 'images.owner_id')
    .leftJoin('users as reviewer', 'reviewer.id', 'reports.reviewer_id')
    .leftJoin('users as resolver', 'resolver.id', 'reports.resolved_by')
    .selectAll('reports')
    .select([
      'reporter.username as reporter_username',
      'reporter.display_name as reporter_display_name',
      'reviewer.username as reviewer_username',
      'reviewer.display_name as reviewer_display_name',
      'resolver.username as resolver_username',
      'resolver.display_name as resolver_display_name',
      'images.owner_id',
      'images.title as image_title',
      'images.status as image_status',
      'images.visibility as image_visibility',
      sql<boolean>`images.variants ? 'thumbnail'`.as('has_thumbnail'),
      'owner.username as owner_username',
      'owner.display_name as owner_display_name',
      'owner.status as owner_status',
    ]);
}

type DetailsRow = Awaited<ReturnType<ReturnType<typeof selectDetails>['executeTakeFirstOrThrow']>>;

function toDetails(row: DetailsRow): ReportDetails {
  const person = (id: string | null, username: string | null, displayName: string | null) =>
    id !== null && username !== null && displayName !== null ? { id, username, displayName } : null;
  const report: Report = {
    id: row.id,
    reporterId: row.reporter_id,
    imageId: row.image_id,
    reason: row.reason as ReportReason,
    description: row.description,
    status: row.status as ReportStatus,
    reviewerId: row.reviewer_id,
    resolution:
      row.resolution_action !== null && row.resolved_by !== null && row.resolved_at !== null
        ? { action: row.resolution_action as ResolutionAction, notes: row.resolution_notes ?? '', resolvedBy: row.resolved_by, resolvedAt: row.resolved_at, banId: row.ban_id }
        : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
  return {
    report,
    reporter: { id: row.reporter_id, username: row.reporter_username, displayName: row.reporter_display_name },
    reviewer: person(row.reviewer_id, row.reviewer_username, row.reviewer_display_name),
    resolvedBy: person(row.resolved_by, row.resolver_username, row.resolver_display_name),
    image: { id: row.image_id, ownerId: row.owner_id, title: row.image_title, status: row.image_status as ImageStatus, visibility: row.image_visibility as Visibility, hasThumbnail: row.has_thumbnail },
    imageOwner: { id: row.owner_id, username: row.owner_username, displayName: row.owner_display_name, status: row.owner_status as UserStatus },
  };
}
