/**
 * `npm run bench`: figures for the record, not pass/fail. Run after
 * `npx astro build` (it measures dist/ as served by `npm start`).
 */
import { benchSearch } from './search.ts';

const search = await benchSearch();
console.log('Search');
for (const [what, value] of Object.entries(search)) console.log(`  ${what}: ${value}`);
