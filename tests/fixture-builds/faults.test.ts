/**
 * Caches that cannot be wrong (issue 23), proven by fault injection (tests/support/faults.ts): one short
 * random sequence of edits on a copy of the project, each followed by a build that completes, fails with an
 * injected error, or is stopped at a random moment by SIGTERM or SIGKILL; every completed build must equal a
 * cold build of the same sources byte for byte, and no failed or stopped build may leave a part of a site.
 * FAULTS_SEED runs another sequence; `npm run faults` runs many longer ones.
 */
import { expect, test } from 'vitest';
import { EDIT_KIND_NAMES, runFaults, staleEdits } from '../support/faults.ts';

const seed = Number(process.env['FAULTS_SEED'] ?? 23);

test('at least 12 kinds of edit, each of which (and each injected failure) still applies to the sources and undoes exactly', () => {
  expect(EDIT_KIND_NAMES.length).toBeGreaterThanOrEqual(12);
  expect(staleEdits()).toEqual([]);
});

test(`edits, failed and stopped builds never leave a wrong or partial site (seed ${seed})`, { timeout: 900_000 }, async () => {
  // Four steps: a build that fails, one stopped by SIGTERM and one by SIGKILL, in a random order, then one that completes.
  const report = await runFaults({ seed, sequences: 1, steps: 4, log: (line) => console.log(`[faults] ${line}`) });
  console.log(`[faults] ${JSON.stringify(report)}`);
  expect(report.problems).toEqual([]);
  expect(report.builds.completed).toBeGreaterThanOrEqual(1);
  expect(report.builds.failed).toBeGreaterThanOrEqual(1);
  expect(report.steps).toBe(4);
});
