// What every command shares: its options, where it prints, and how it finds and opens the database.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Quarter } from '../common/domain/periods';
import { AppError } from '../common/result';
import { type OpenedApp, openApp } from '../services/open-app';
import { resolveDbPath } from '../services/paths';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  /**
   * Where a long command says how far it has got, a line at a time: stderr when it is a terminal
   * (cli/press-office.ts); absent otherwise, so that scripts and pipes get only the result.
   */
  progress?: (line: string) => void;
}

/**
 * A long command's progress lines (`press-office COMMAND:  12.3 s  text`), the seconds counted from this
 * call; a no-op where the io has no progress outlet.
 */
export function progressLines(io: CliIo, command: string): ((text: string) => void) | null {
  const { progress } = io;
  if (!progress) return null;
  const started = performance.now();
  return (text) =>
    progress(`press-office ${command}: ${((performance.now() - started) / 1000).toFixed(1).padStart(5)} s  ${text}`);
}

export interface CommandOptions {
  db: string | undefined;
  as: string | undefined;
  json: boolean;
  out: string | undefined;
  all: boolean;
  force: boolean;
  /** export portal: every current item, not only what changed. */
  full: boolean;
  /** export portal: a .zip beside the package folder. */
  zip: boolean;
  /** compliance: checked by the parser (2000–2100, 1–4, a calendar date). */
  year: number | undefined;
  quarter: Quarter | undefined;
  asOf: string | undefined;
  /** export compliance: docx or xlsx. */
  format: string | undefined;
  /** export document: the document's id. */
  id: string | undefined;
  args: string[];
}

export type Command = (options: CommandOptions, io: CliIo) => Promise<number> | number;

export function dbPathOf(options: CommandOptions, io: CliIo): string {
  const path = resolveDbPath(options.db, io.env);
  return path === ':memory:' ? path : resolve(path);
}

export function open(options: CommandOptions, io: CliIo, how: { seed: boolean; mustExist: boolean }): OpenedApp {
  const path = dbPathOf(options, io);
  if (how.mustExist && path !== ':memory:' && !existsSync(path)) {
    throw new AppError('not_found', `no database at ${path}; run "press-office init" first, or pass --db FILE`);
  }
  return openApp(path, { mode: 'cli', actor: options.as, seed: how.seed });
}

/** Where the CLI prints its result: the JSON document, or lines for a person. */
export function output(io: CliIo, options: CommandOptions, json: unknown, text: string): void {
  if (options.json) io.stdout(`${JSON.stringify(json, null, 2)}\n`);
  else io.stdout(text.endsWith('\n') ? text : `${text}\n`);
}

/** A path as one shell word, so that a printed command can be pasted as it is. */
export function shellWord(arg: string, platform: NodeJS.Platform = process.platform): string {
  if (/^[\w@%+=:,./\\-]+$/.test(arg)) return arg;
  if (platform === 'win32') return `"${arg.replace(/"/g, '""')}"`;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** `196608 bytes (192 KiB)`. */
export function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const units = ['KiB', 'MiB', 'GiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${bytes} bytes (${value >= 10 ? Math.round(value) : value.toFixed(1)} ${units[unit]})`;
}
