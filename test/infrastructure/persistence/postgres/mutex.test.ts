import { describe, expect, it } from 'vitest';
import { Mutex } from '../../../../src/infrastructure/persistence/postgres/mutex.js';

describe('Mutex', () => {
  it('runs holders one at a time, in arrival order', async () => {
    const mutex = new Mutex();
    const log: string[] = [];
    const job = (name: string, ms: number) =>
      mutex.runExclusive(async () => {
        log.push(`${name}+`);
        await new Promise((r) => setTimeout(r, ms));
        log.push(`${name}-`);
      });
    await Promise.all([job('a', 20), job('b', 1), job('c', 5)]);
    expect(log).toEqual(['a+', 'a-', 'b+', 'b-', 'c+', 'c-']);
  });

  it('releases when the holder throws, and a double release is harmless', async () => {
    const mutex = new Mutex();
    await expect(mutex.runExclusive(async () => Promise.reject(new Error('x')))).rejects.toThrow('x');
    const release = await mutex.acquire();
    release();
    release();
    await expect(mutex.runExclusive(async () => 'free')).resolves.toBe('free');
  });
});
