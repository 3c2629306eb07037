// Text accepted at input leaves the app as it came in, inert: in the data format (JSON) and in
// CSV. Only text over the declared limits is refused, at input.
import { describe, expect, it } from 'vitest';
import { makeStamp } from '../../services/context';
import { exportDocument, importDocument, serializeDocument } from '../../services/data-format';
import { testApp } from './helpers/app';
import { call, refuse } from './helpers/call';

const HOSTILE = [
  '=cmd|"/c calc"!A1',
  '+SUM(1,2)',
  '-1+1',
  '@SUM(A1)',
  '\t=1',
  '<script>alert("x")</script> & </w:t>',
  ']]><!--',
  'emoji 👩‍💼🇨🇳 and 𠮷 (beyond the BMP)',
  '\u202eevil\u202c bidi',
  'line\nbreak\r\nand\u0000nul',
  '\uFFFE\uFFFF non-characters',
  '../../etc/passwd',
  'CON',
  ` 前后空格 `,
  '名'.repeat(200),
];

describe('hostile text', () => {
  it('is stored verbatim and survives export → import into a fresh database → export', () => {
    const app = testApp();
    const ids = HOSTILE.map(
      (name) => call(app, 'people.create', { departmentId: 'rizhao-01', name, role: 'deputy', title: name }).id,
    );
    const first = exportDocument(app.ctx.db, '2026-01-01T00:00:00.000Z');
    const names = new Map(first.people.map((p) => [p.id, p.name]));
    expect(ids.map((id) => names.get(id))).toEqual(HOSTILE);

    const json = serializeDocument(first);
    const fresh = testApp({ seed: false });
    importDocument(fresh.ctx.db, makeStamp(fresh.ctx, 'tester'), JSON.parse(json));
    const second = exportDocument(fresh.ctx.db, '2026-01-01T00:00:00.000Z');
    expect(serializeDocument(second)).toBe(json);
  });

  it('is refused only over the declared limits, with a message naming the field', () => {
    const app = testApp();
    const err = refuse(app, 'people.create', { departmentId: 'rizhao-01', name: '名'.repeat(201), role: 'deputy' });
    expect(err.issues?.[0]?.path).toBe('name');
    expect(err.message).toMatch(/name/);
  });

  it('is inert in CSV exports', () => {
    const app = testApp();
    for (const name of HOSTILE) call(app, 'people.create', { departmentId: 'rizhao-02', name, role: 'deputy' });
    const { csv } = call(app, 'audit.export', { entity: 'person' });
    // Parse the CSV back: no cell may start with a formula character.
    const cells: string[] = [];
    let cell = '';
    let quoted = false;
    for (let i = 1; i < csv.length; i++) {
      const c = csv[i] as string;
      if (quoted) {
        if (c === '"' && csv[i + 1] === '"') {
          cell += '"';
          i++;
        } else if (c === '"') quoted = false;
        else cell += c;
      } else if (c === '"') quoted = true;
      else if (c === ',' || c === '\n') {
        cells.push(cell.replace(/\r$/, ''));
        cell = '';
      } else cell += c;
    }
    expect(cells.length).toBeGreaterThan(HOSTILE.length * 9);
    expect(cells.filter((c) => /^[=+\-@\t\r\n]/.test(c))).toEqual([]);
  });
});
