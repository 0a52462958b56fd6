/**
 * The bench's phase follower (tests/bench/build.ts): the phase a build is in, read from Astro's log as it
 * arrives in chunks, whatever the chunks' boundaries; it labels the bench's memory samples.
 */
import { expect, test } from 'vitest';
import { phaseFollower } from '../bench/build.ts';

/** A build log cut down to the lines the phases are told by, in Astro's order. */
const LOG = [
  '12:00:00 [content] Syncing content',
  '12:00:09 [content] Synced content',
  '12:00:09 [build] Collecting build info...',
  '12:00:09 [build] ✓ Completed in 10.41s.',
  '12:00:09 [build] Building static entrypoints...',
  '12:00:13 [vite] ✓ built in 4.27s',
  ' generating static routes ',
  '12:00:14   ├─ /articles/hanoi-hangover/index.html (+15ms) ',
  '12:01:20 ✓ Completed in 1m 6s.',
  '12:01:24 [build] Waiting for integration "summit-desk:pages", hook "astro:build:done"...',
  '12:01:48 [summit-desk:pages] Checked the links and ids of 16284 pages … in 27397 ms: no link broken.',
  '12:02:09 [summit-desk:pagefind] Indexed 16275 pages for search in 20500 ms after the pass that prepared them.',
].join('\n');

/** The phase after each line, the log read a line at a time. */
const EXPECTED = ['sync', 'sync', 'collect', 'collect', 'bundle', 'bundle', 'render + images', 'render + images', 'page pass', 'page pass', 'Pagefind', 'end'];

test('the phase after each line of a build log', () => {
  const follower = phaseFollower();
  expect(follower.phase).toBe('start');
  const seen = LOG.split('\n').map((line) => {
    follower.read(`${line}\n`);
    return follower.phase;
  });
  expect(seen).toEqual(EXPECTED);
});

test('the same phases whatever the chunks: markers split between chunks are found', () => {
  const lines = LOG.split('\n');
  for (const size of [1, 2, 3, 7, 40, 63, 64, 65, 500]) {
    // The log up to the end of each line, read in chunks of `size` (the last one shorter).
    const seen = lines.map((_line, index) => {
      const prefix = `${lines.slice(0, index + 1).join('\n')}\n`;
      const follower = phaseFollower();
      for (let at = 0; at < prefix.length; at += size) follower.read(prefix.slice(at, at + size));
      return follower.phase;
    });
    expect(seen, `chunks of ${size}`).toEqual(EXPECTED);
  }
});

test('the collecting step\'s "✓ Completed" does not end the rendering; the rendering\'s own does, even in the same chunk', () => {
  const follower = phaseFollower();
  follower.read('[build] ✓ Completed in 10.41s.\n generating static routes \n');
  expect(follower.phase).toBe('render + images');
  follower.read('  ├─ /index.html (+3ms)\n');
  expect(follower.phase, 'the chunk after it').toBe('render + images');
  const whole = phaseFollower();
  whole.read(' generating static routes \n ├─ /index.html\n✓ Completed in 1m 6s.\n');
  expect(whole.phase).toBe('page pass');
});
