// Fails when the committed migrations do not match db/schema.ts: regenerating must produce no change.
import { execFileSync } from 'node:child_process';

const run = (cmd, args) => execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

const before = run('git', ['status', '--porcelain', '--untracked-files=all', '--', 'db/migrations']);
if (before.trim()) {
  console.error(`db:check: db/migrations has uncommitted changes; commit them first:\n${before}`);
  process.exit(1);
}
run('npx', ['drizzle-kit', 'generate']);
const after = run('git', ['status', '--porcelain', '--untracked-files=all', '--', 'db/migrations']);
if (after.trim()) {
  console.error(`db:check: db/schema.ts and db/migrations disagree; run \`npm run db:generate\` and commit:\n${after}`);
  run('git', ['checkout', '--', 'db/migrations']);
  run('git', ['clean', '-fdq', '--', 'db/migrations']);
  process.exit(1);
}
console.log('db:check: migrations match the schema');
