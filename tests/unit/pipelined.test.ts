import { describe, expect, it } from 'vitest';
import { pipelined } from '../../src/lib/pipelined.ts';

/** A step that records when each item starts and ends, finishing after `delays[item]` ms. */
function recorder(delays: number[], fail?: number) {
  const events: string[] = [];
  let running = 0;
  let most = 0;
  const step = async (item: number) => {
    events.push(`start ${item}`);
    most = Math.max(most, ++running);
    await new Promise((resolve) => setTimeout(resolve, delays[item]));
    running--;
    events.push(`end ${item}`);
    if (item === fail) throw new Error(`step ${item} failed`);
  };
  return { events, step, most: () => most };
}

describe('pipelined', () => {
  it('starts the steps in order, never more than `depth` at once', async () => {
    const { events, step, most } = recorder([30, 5, 5, 5, 5, 5]);
    await pipelined([0, 1, 2, 3, 4, 5], 3, step);
    expect(events.filter((e) => e.startsWith('start'))).toEqual([0, 1, 2, 3, 4, 5].map((i) => `start ${i}`));
    expect(events.filter((e) => e.startsWith('end'))).toHaveLength(6);
    expect(most()).toBe(3);
  });

  it('with depth 1, runs one step at a time', async () => {
    const { events, step } = recorder([5, 1, 1]);
    await pipelined([0, 1, 2], 1, step);
    expect(events).toEqual(['start 0', 'end 0', 'start 1', 'end 1', 'start 2', 'end 2']);
  });

  it('stops starting steps after a failure, and throws it once the started ones have finished', async () => {
    const { events, step } = recorder([5, 20, 5, 5, 5, 5], 0);
    await expect(pipelined([0, 1, 2, 3, 4, 5], 2, step)).rejects.toThrow('step 0 failed');
    expect(events).toContain('end 1');
    expect(events).not.toContain('start 5');
  });

  it('takes a step that throws before it returns a promise as a failure', async () => {
    const step = (item: number): Promise<void> => {
      if (item === 1) throw new Error('no promise');
      return Promise.resolve();
    };
    await expect(pipelined([0, 1, 2], 2, step)).rejects.toThrow('no promise');
  });

  it('refuses a depth below 1', async () => {
    await expect(pipelined([1], 0, async () => {})).rejects.toThrow(RangeError);
  });
});
