/**
 * View counting (contract §7.8): at most one view per image and viewer per rolling hour; increments are
 * buffered and written in batches, so `view_count` lags by up to the flush interval.
 */
export interface ViewCounter {
  /** Counts one view of `imageId` unless `viewerKey` was counted for it within the hour. */
  record(imageId: string, viewerKey: string): Promise<void>;
  /** Writes the buffered increments; returns the number of images updated. Safe to call concurrently. */
  flush(): Promise<number>;
}
