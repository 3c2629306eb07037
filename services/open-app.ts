// Start-up shared by Electron, browser mode and the CLI: open (probe, migrate), seed, build the context.
import { resolve } from 'node:path';
import { type OpenedDatabase, type OpenOptions, openDatabase } from '../db/open';
import { seedQuotaRules } from '../db/queries/quota-rules';
import { seedIfEmpty } from '../db/seed';
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
  client: OpenedDatabase['client'];
  close: () => void;
  seeded: number;
}

export function openApp(dbPath: string, options: AppStartOptions): OpenedApp {
  const path = dbPath === ':memory:' ? dbPath : resolve(dbPath);
  const opened = openDatabase(path, options);
  const now = options.now ?? defaultClock;
  const ctx: ServiceContext = {
    db: opened.db,
    dbPath: path,
    schemaVersion: opened.schemaVersion,
    mode: options.mode,
    defaultActor: options.actor ?? osUserName(),
    now,
    newId: options.newId ?? defaultIds,
  };
  // Quota rules are office settings, seeded whatever the register holds; departments only on request.
  seedQuotaRules(opened.db, now().toISOString());
  const seeded = options.seed === false ? 0 : seedIfEmpty(opened.db, now().toISOString());
  return { ctx, client: opened.client, close: () => opened.client.close(), seeded };
}
