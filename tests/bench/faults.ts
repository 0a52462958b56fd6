/**
 * `npm run faults -- [--seed N] [--sequences N] [--steps N]`: the long fault-injection run
 * (tests/support/faults.ts). Prints each step and the report; exits 1 when any promise was broken.
 */
import { parseArgs } from 'node:util';
import { runFaults } from '../support/faults.ts';

const { values } = parseArgs({
  options: { seed: { type: 'string' }, sequences: { type: 'string', default: '3' }, steps: { type: 'string', default: '8' } },
});
const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed);
console.log(`Fault injection, seed ${seed} (run again with --seed ${seed})`);
const report = await runFaults({ seed, sequences: Number(values.sequences), steps: Number(values.steps), log: (line) => console.log(line) });
console.log(JSON.stringify(report, null, 2));
console.log(
  `${report.sequences} sequence(s), ${report.steps} step(s): ${report.builds.completed} completed build(s) compared with ${report.coldBuilds} cold build(s), ` +
    `${report.builds.failed} failed, ${report.builds.killed} stopped; ${report.problems.length} problem(s).`,
);
if (report.problems.length > 0) process.exit(1);
