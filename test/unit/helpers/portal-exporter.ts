// A child process for the portal crash test: one portal export of the database into a folder,
// killed by the test at some moment in the middle.

import { openApp } from '../../../services/open-app';
import { exportPortal } from '../../../services/portal/export';

const [dbPath, dir, migrationsFolder] = process.argv.slice(2);
const app = openApp(dbPath as string, { mode: 'cli', actor: 'portal-exporter', migrationsFolder, seed: false });
process.stdout.write('started\n');
const result = await exportPortal(app.ctx, { dir: dir as string, full: false });
process.stdout.write(`done ${result.sequence}\n`);
app.close();
