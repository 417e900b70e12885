/** The worker's job table: each job name → its use case. Every failure is logged with the job before the queue retries it. */
import type { Ports } from '../../application/ports.js';
import { deleteImageFiles } from '../../application/gallery/delete-image-files.js';
import { processImage } from '../../application/gallery/process-image.js';
import { purgeUserContent } from '../../application/gallery/purge-user-content.js';
import { sweepTempUploads } from '../../application/gallery/sweep-temp-uploads.js';
import type { Job, JobHandler } from '../../domain/shared/job-queue.js';
import type { JobTable } from './job-table.js';

export function buildJobTable(ports: Ports): JobTable {
  const logged = (handler: JobHandler): JobHandler => async (job: Job) => {
    try {
      await handler(job);
    } catch (err) {
      ports.logger.warn({ err, job_id: job.id, job: job.name, attempt: job.attempt }, 'job failed');
      throw err;
    }
  };
  return {
    'image.process': logged(async (job) => {
      await processImage(ports, { imageId: String(job.payload.image_id), attempt: job.attempt });
    }),
    'image.delete_files': logged((job) => deleteImageFiles(ports, { imageId: String(job.payload.image_id) })),
    'upload.sweep_temp': logged(async () => {
      await sweepTempUploads(ports);
    }),
    'user.purge': logged(async (job) => {
      await purgeUserContent(ports, { userId: String(job.payload.user_id) });
    }),
  };
}
