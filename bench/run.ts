/**
 * `npm run bench [-- name…]`: runs every bench/*.bench.ts (or those whose name contains an
 * argument) one after another in its own process, so one benchmark's heap and timers do not
 * disturb the next. Each prints its own numbers.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const filters = process.argv.slice(2);
const files = readdirSync(__dirname)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();
if (files.length === 0) {
  console.error(`No benchmark matches ${filters.join(', ')}. Available: ${readdirSync(__dirname).filter((f) => f.endsWith('.bench.ts')).join(', ')}`);
  process.exit(2);
}
let failed = 0;
for (const file of files) {
  console.log(`\n### ${file}`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--expose-gc', join(__dirname, file)], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed === 0 ? 0 : 1);
