// Writing a file the user asked for: a name derived from a title is made safe on every system,
// an existing file is never replaced unless the user said so, and the write is atomic.
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import type { WrittenFile } from '../common/document-types';
import { AppError } from '../common/result';
import { writeFileAtomic } from './atomic-file';

const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
// Path separators, characters Windows refuses, C0/C1 controls, bidi controls and other invisible formatting.
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const UNSAFE = /[\\/:*?"<>|\u0000-\u001F\u007F-\u009F\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF\uFFFE\uFFFF]/g;
/** Bytes, not characters: most file systems limit a name to 255 bytes; CJK takes 3 each in UTF-8. */
const MAX_NAME_BYTES = 200;

/**
 * A file name from a title: unsafe characters become "_", lone surrogates go, leading and trailing
 * dots and spaces go, reserved device names get a "_" prefix, and the name is cut (at a character
 * boundary) to fit, keeping the extension.
 */
export function safeFileName(title: string, extension: string): string {
  let base = title
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
    .replace(UNSAFE, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  if (!base || /^_+$/.test(base)) base = 'document';
  if (RESERVED.test(base)) base = `_${base}`;
  const ext = extension.startsWith('.') ? extension : `.${extension}`;
  const budget = MAX_NAME_BYTES - Buffer.byteLength(ext);
  while (Buffer.byteLength(base) > budget) base = Array.from(base).slice(0, -1).join('');
  return base.replace(/[\s.]+$/, '') + ext;
}

/** Checks a user-typed file name (no folders, nothing unsafe) and adds the extension when missing. */
export function checkedFileName(name: string, extension: string): string {
  const ext = extension.startsWith('.') ? extension : `.${extension}`;
  const withExt = name.toLowerCase().endsWith(ext) ? name : name + ext;
  const safe = safeFileName(withExt.slice(0, -ext.length), ext);
  if (safe !== withExt) {
    throw new AppError('invalid_input', `file name "${name}" is not usable; use for example "${safe}"`);
  }
  return withExt;
}

export interface WriteTarget {
  dir: string;
  fileName: string;
  /** Replace an existing file. Without it an existing file is an error the UI turns into a question. */
  overwrite?: boolean | undefined;
}

export function writeExport(target: WriteTarget, data: string | Uint8Array): WrittenFile {
  if (!isAbsolute(target.dir))
    throw new AppError('invalid_input', `export folder "${target.dir}" must be an absolute path`);
  mkdirSync(target.dir, { recursive: true });
  const path = resolve(join(target.dir, target.fileName));
  if (existsSync(path)) {
    if (statSync(path).isDirectory()) throw new AppError('conflict', `"${path}" is a folder`);
    if (!target.overwrite) throw new AppError('file_exists', `file "${path}" already exists`);
  }
  writeFileAtomic(path, data);
  return { path, bytes: typeof data === 'string' ? Buffer.byteLength(data) : data.length };
}
