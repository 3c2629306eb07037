// Everything a handler needs, injected: the database, who is acting, the clock and the id source.
import { randomUUID } from 'node:crypto';
import { userInfo } from 'node:os';
import type Database from 'better-sqlite3';
import { localDate } from '../common/dates';
import type { Db } from '../db/open';
import type { Stamp } from '../db/stamp';

export interface ServiceContext {
  db: Db;
  /** The raw connection behind `db` (online backups need it). */
  client: Database.Database;
  dbPath: string;
  schemaVersion: number;
  mode: 'electron' | 'browser' | 'cli';
  /** Who is acting when the settings name no one (CLI `--as`, or the OS user). */
  defaultActor: string;
  now: () => Date;
  newId: () => string;
  /** Replaces the database file with a checked backup while the app runs; undoable. */
  restore?: (from: string) => Promise<{ asidePath: string | null }>;
}

export function osUserName(): string {
  try {
    return userInfo().username || 'unknown';
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? 'unknown';
  }
}

export function makeStamp(ctx: ServiceContext, actor: string): Stamp {
  const now = ctx.now();
  return { actor, at: now.toISOString(), today: localDate(now), newId: ctx.newId };
}

export const defaultClock = () => new Date();
export const defaultIds = () => randomUUID();
