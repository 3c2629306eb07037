// Start-up shared by Electron, browser mode and the CLI: open (probe, migrate), seed, build the context.
import { resolve } from 'node:path';
import { type OpenedDatabase, type OpenOptions, openDatabase } from '../db/open';
import { seedQuotaRules } from '../db/queries/quota-rules';
import { seedIfEmpty } from '../db/seed';
import { restoreFile } from './backup';
import { defaultClock, defaultIds, osUserName, type ServiceContext } from './context';

export interface AppStartOptions extends OpenOptions {
  mode: ServiceContext['mode'];
  actor?: string | undefined;
  /** Seed the 24 listed departments when the register is empty (not for `import`). */
  seed?: boolean;
  now?: () => Date;
  newId?: () => string;
}

export interface OpenedApp {
  ctx: ServiceContext;
  /** The connection in use: it changes when a backup is restored while the app runs. */
  readonly client: OpenedDatabase['client'];
  close: () => void;
  seeded: number;
}

export function openApp(dbPath: string, options: AppStartOptions): OpenedApp {
  const path = dbPath === ':memory:' ? dbPath : resolve(dbPath);
  let opened = openDatabase(path, options);
  const now = options.now ?? defaultClock;
  const ctx: ServiceContext = {
    db: opened.db,
    client: opened.client,
    dbPath: path,
    schemaVersion: opened.schemaVersion,
    mode: options.mode,
    defaultActor: options.actor ?? osUserName(),
    now,
    newId: options.newId ?? defaultIds,
    // Swaps the file under the running app: close, restore (current file kept aside), reopen.
    restore: async (from: string) => {
      if (path === ':memory:') throw new Error('an in-memory database has no file to restore');
      opened.client.close();
      try {
        return await restoreFile(path, from, now());
      } finally {
        opened = openDatabase(path, options);
        ctx.db = opened.db;
        ctx.client = opened.client;
        ctx.schemaVersion = opened.schemaVersion;
      }
    },
  };
  // Quota rules are office settings, seeded whatever the register holds; departments only on request.
  seedQuotaRules(opened.db, now().toISOString());
  const seeded = options.seed === false ? 0 : seedIfEmpty(opened.db, now().toISOString());
  return {
    ctx,
    get client() {
      return opened.client;
    },
    close: () => opened.client.close(),
    seeded,
  };
}
