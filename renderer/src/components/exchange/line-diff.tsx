// A line diff as the reviewer reads it: added lines green, removed lines red, and long stretches of
// unchanged text folded to a few lines of context on each side.
import type { DiffLine } from '../../../../common/document-types';
import { useT } from '../../i18n/use-t';

const CONTEXT = 2;

type Shown = DiffLine | { op: 'fold'; count: number };

/** Unchanged runs longer than twice the context keep their first and last lines around a fold. */
export function foldLines(lines: readonly DiffLine[], context = CONTEXT): Shown[] {
  const out: Shown[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] as DiffLine;
    if (line.op !== 'same') {
      out.push(line);
      i++;
      continue;
    }
    let end = i;
    while (end < lines.length && lines[end]?.op === 'same') end++;
    const run = lines.slice(i, end);
    const head = i === 0 ? 0 : context;
    const tail = end === lines.length ? 0 : context;
    if (run.length > head + tail + 1) {
      out.push(...run.slice(0, head), { op: 'fold', count: run.length - head - tail }, ...run.slice(run.length - tail));
    } else out.push(...run);
    i = end;
  }
  return out;
}

const MARK: Record<DiffLine['op'], string> = { add: '+', remove: '−', same: ' ' };

export function LineDiff({ lines, testId = 'line-diff' }: { lines: readonly DiffLine[]; testId?: string }) {
  const t = useT();
  return (
    <div className="exchange-diff" data-testid={testId}>
      {foldLines(lines).map((line, i) =>
        line.op === 'fold' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the folded view is rebuilt whole; lines have no identity
          <div key={i} className="exchange-diff-fold">
            {t('exchange.diff.folded', { count: line.count })}
          </div>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: as above
          <div key={i} className={`exchange-diff-line exchange-diff-${line.op}`} data-op={line.op}>
            <span className="exchange-diff-mark">{MARK[line.op]}</span>
            <span className="exchange-diff-text">{line.text || '\u00a0'}</span>
          </div>
        ),
      )}
    </div>
  );
}
