import { describe, expect, it } from 'vitest';
import { BuildQueue } from '../src/watch/buildQueue.js';

describe('the build queue', () => {
  it('never builds a brief twice at once, and a save during a build queues exactly one more', async () => {
    const started: string[] = [];
    let running = 0;
    let mostAtOnce = 0;
    const queue = new BuildQueue(async (brief) => {
      started.push(brief);
      mostAtOnce = Math.max(mostAtOnce, ++running);
      await new Promise((r) => setTimeout(r, 30));
      running--;
    });
    queue.request('a');
    await new Promise((r) => setTimeout(r, 5)); // a is being built now
    queue.request('a');
    queue.request('b');
    queue.request('a');
    queue.request('a');
    await queue.idle();
    expect(started).toEqual(['a', 'a', 'b']);
    expect(mostAtOnce).toBe(1);
  });

  it('is idle at once when nothing was asked', async () => {
    await expect(new BuildQueue(async () => undefined).idle()).resolves.toBeUndefined();
  });
});
