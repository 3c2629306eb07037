// A version diff for reading: long runs of unchanged lines fold to a count, keeping a few lines of
// context around each change so the reader sees where it is.
import type { DiffLine } from '../../../../common/document-types';

export type DiffSegment =
  | { type: 'line'; line: DiffLine; number: number }
  | { type: 'fold'; count: number; first: number };

/** `number` (and a fold's `first`) is a 1-based line position in the diff, stable across folding. */
export function foldDiff(lines: readonly DiffLine[], context = 2): DiffSegment[] {
  const changed = lines.map((l) => l.op !== 'same');
  const keep = lines.map((_, i) => {
    for (let j = Math.max(0, i - context); j <= Math.min(lines.length - 1, i + context); j++)
      if (changed[j]) return true;
    return false;
  });
  const out: DiffSegment[] = [];
  let hidden: number[] = [];
  const flush = () => {
    // A fold of one line hides nothing worth hiding: show the line instead.
    if (hidden.length > 1) out.push({ type: 'fold', count: hidden.length, first: (hidden[0] ?? 0) + 1 });
    else for (const i of hidden) out.push({ type: 'line', line: lines[i] as DiffLine, number: i + 1 });
    hidden = [];
  };
  lines.forEach((line, i) => {
    if (keep[i]) {
      flush();
      out.push({ type: 'line', line, number: i + 1 });
    } else hidden.push(i);
  });
  flush();
  return out;
}

export function diffCounts(lines: readonly DiffLine[]): { added: number; removed: number } {
  return {
    added: lines.filter((l) => l.op === 'add').length,
    removed: lines.filter((l) => l.op === 'remove').length,
  };
}
