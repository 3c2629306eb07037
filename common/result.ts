// What crosses the process boundary: a value or a coded error, never a thrown exception.
export type ErrorCode =
  | 'invalid_input'
  | 'not_found'
  | 'conflict'
  | 'unknown_method'
  | 'forbidden'
  | 'invalid_file'
  /** A file the user is about to write exists; ask, then repeat with `overwrite`. */
  | 'file_exists'
  | 'internal';

export interface ApiError {
  code: ErrorCode;
  message: string;
  /** Per-field problems, keyed by a record path such as `people[3].name`. */
  issues?: { path: string; message: string }[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** A failure the services raise on purpose; turned into `{ ok: false }` at the boundary. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly issues?: ApiError['issues'];
  constructor(code: ErrorCode, message: string, issues?: ApiError['issues']) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.issues = issues;
  }
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}
