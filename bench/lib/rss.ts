/**
 * Peak resident memory of another process during one operation (Linux): the kernel's high-water mark VmHWM,
 * reset beforehand through /proc/<pid>/clear_refs ("5"), cross-checked by sampling VmRSS every few ms.
 */
import fs from 'node:fs';

function statusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const text = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text);
  if (!match) throw new Error(`no ${field} in /proc/${pid}/status`);
  return Number(match[1]);
}

export const rssBytes = (pid: number): number => statusKb(pid, 'VmRSS') * 1024;

export interface PeakRss {
  /** RSS when the operation started. */
  readonly beforeBytes: number;
  /** The highest RSS while it ran. */
  readonly peakBytes: number;
  /** Whether the peak is the kernel's own (VmHWM after a reset) or only sampled. */
  readonly exact: boolean;
}

export async function peakRssDuring<T>(pid: number, op: () => Promise<T>): Promise<{ result: T; rss: PeakRss }> {
  let exact = true;
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
  } catch {
    exact = false; // an older kernel or no permission: sampling only
  }
  const beforeBytes = rssBytes(pid);
  let sampled = beforeBytes;
  const timer = setInterval(() => {
    try {
      sampled = Math.max(sampled, rssBytes(pid));
    } catch {
      // The process went away; the operation will say so.
    }
  }, 5);
  try {
    const result = await op();
    sampled = Math.max(sampled, rssBytes(pid));
    const hwm = exact ? statusKb(pid, 'VmHWM') * 1024 : 0;
    return { result, rss: { beforeBytes, peakBytes: Math.max(sampled, hwm), exact } };
  } finally {
    clearInterval(timer);
  }
}
