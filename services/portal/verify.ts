// verify-portal: checks a package (its folder, or its .zip) against the manifest schema, every
// file's size and SHA-256, that no listed path leaves the package, and that no file is missing or
// extra. Reports every problem, each naming the file it concerns.
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import type JSZip from 'jszip';
import { loadJSZip } from '../lazy-libs';
import { manifestSchema } from './manifest';

export interface VerifyResult {
  ok: boolean;
  problems: string[];
  items: number;
  files: number;
  sequence: number | null;
}

/** A listed path is relative, forward-slashed, without `.`/`..` segments, inside the package. */
export function pathProblem(path: string): string | null {
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) return 'is an absolute path';
  if (path.includes('\\')) return 'uses a backslash';
  const parts = path.split('/');
  if (parts.some((p) => p === '..')) return 'leaves the package (..)';
  if (parts.some((p) => p === '' || p === '.')) return 'has an empty or "." segment';
  if (posix.normalize(path) !== path) return 'is not a normal path';
  return null;
}

interface PackageReader {
  /** Every file path in the package, relative, forward-slashed. */
  list(): string[];
  read(path: string): Buffer | null;
  /** Entries that are not plain files (links, devices), by path. */
  oddities(): string[];
}

function folderReader(root: string): PackageReader {
  const files: string[] = [];
  const odd: string[] = [];
  const walk = (rel: string) => {
    for (const name of readdirSync(join(root, rel))) {
      const path = rel ? `${rel}/${name}` : name;
      const st = lstatSync(join(root, path));
      if (st.isSymbolicLink()) odd.push(`${path}: is a symbolic link`);
      else if (st.isDirectory()) walk(path);
      else if (st.isFile()) files.push(path);
      else odd.push(`${path}: is not a regular file`);
    }
  };
  walk('');
  const set = new Set(files);
  return {
    list: () => files,
    read: (p) => (set.has(p) ? readFileSync(join(root, p)) : null),
    oddities: () => odd,
  };
}

async function zipReader(file: string): Promise<PackageReader> {
  const zip = await (await loadJSZip()).loadAsync(readFileSync(file));
  const names = Object.values(zip.files)
    .filter((f) => !f.dir)
    .map((f) => f.name);
  // The package folder may be the zip's single top folder.
  const tops = new Set(names.map((n) => n.split('/')[0]));
  const prefix = tops.size === 1 && names.every((n) => n.includes('/')) ? `${[...tops][0]}/` : '';
  const data = new Map<string, Buffer>();
  const odd: string[] = [];
  for (const n of names) {
    const rel = n.slice(prefix.length);
    const why = pathProblem(rel);
    if (why) odd.push(`${rel}: zip entry ${why}`);
    data.set(rel, await (zip.file(n) as JSZip.JSZipObject).async('nodebuffer'));
  }
  return { list: () => [...data.keys()], read: (p) => data.get(p) ?? null, oddities: () => odd };
}

export async function verifyPortal(path: string): Promise<VerifyResult> {
  const problems: string[] = [];
  let reader: PackageReader;
  try {
    const st = lstatSync(path);
    // A folder is walked only when it is a package: never a whole disk by mistake.
    if (st.isDirectory() && !lstatSync(join(path, 'manifest.json'), { throwIfNoEntry: false })?.isFile()) {
      return {
        ok: false,
        problems: [`${path}: not a portal package (no manifest.json in it)`],
        items: 0,
        files: 0,
        sequence: null,
      };
    }
    if (!st.isDirectory() && !st.isFile()) {
      return { ok: false, problems: [`${path}: not a folder or a regular file`], items: 0, files: 0, sequence: null };
    }
    if (!st.isDirectory() && st.size > 2 * 1024 ** 3) {
      return { ok: false, problems: [`${path}: over 2 GB; not a package .zip`], items: 0, files: 0, sequence: null };
    }
    reader = st.isDirectory() ? folderReader(path) : await zipReader(path);
  } catch (err) {
    return {
      ok: false,
      problems: [`${path}: cannot be read as a package folder or .zip (${(err as Error).message})`],
      items: 0,
      files: 0,
      sequence: null,
    };
  }
  problems.push(...reader.oddities());
  const raw = reader.read('manifest.json');
  if (!raw) return { ok: false, problems: [...problems, 'manifest.json: missing'], items: 0, files: 0, sequence: null };
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(raw));
  } catch (err) {
    return {
      ok: false,
      problems: [...problems, `manifest.json: not UTF-8 JSON (${(err as Error).message})`],
      items: 0,
      files: 0,
      sequence: null,
    };
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    for (const i of parsed.error.issues) problems.push(`manifest.json: ${i.path.join('.') || '(top)'}: ${i.message}`);
    return { ok: false, problems, items: 0, files: 0, sequence: null };
  }
  const m = parsed.data;
  if (m.previousSequence !== null && m.previousSequence >= m.sequence) {
    problems.push(`manifest.json: previousSequence ${m.previousSequence} is not before sequence ${m.sequence}`);
  }
  if (m.previousSequence === null && m.sequence !== 1) {
    problems.push(`manifest.json: previousSequence is null but sequence is ${m.sequence}`);
  }
  const listed = new Map<string, string>();
  const ids = new Set<string>();
  for (const [i, item] of m.items.entries()) {
    if (ids.has(item.id)) problems.push(`manifest.json: items[${i}].id "${item.id}" is listed twice`);
    ids.add(item.id);
    for (const f of item.files) {
      const why = pathProblem(f.path);
      if (why) {
        problems.push(`${f.path}: ${why}`);
        continue;
      }
      if (f.path === 'manifest.json') problems.push(`${f.path}: the manifest cannot list itself`);
      if (listed.has(f.path)) problems.push(`${f.path}: listed twice (items ${listed.get(f.path)} and ${item.id})`);
      listed.set(f.path, item.id);
      const data = reader.read(f.path);
      if (!data) {
        problems.push(`${f.path}: missing`);
        continue;
      }
      if (data.length !== f.bytes) problems.push(`${f.path}: ${data.length} bytes, the manifest says ${f.bytes}`);
      const sum = createHash('sha256').update(data).digest('hex');
      if (sum !== f.sha256) problems.push(`${f.path}: SHA-256 ${sum} does not match the manifest's ${f.sha256}`);
    }
  }
  for (const id of m.deleted) if (ids.has(id)) problems.push(`manifest.json: "${id}" is both an item and deleted`);
  for (const p of reader.list()) {
    if (p !== 'manifest.json' && !listed.has(p)) problems.push(`${p}: extra file, not in the manifest`);
  }
  return { ok: problems.length === 0, problems, items: m.items.length, files: listed.size, sequence: m.sequence };
}
