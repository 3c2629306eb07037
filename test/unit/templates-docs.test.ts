// docs/templates.md lists every placeholder exactly once, as placeholders.ts declares it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PLACEHOLDERS } from '../../common/templates/placeholders';

const doc = readFileSync(new URL('../../docs/templates.md', import.meta.url), 'utf8');

// Rows of the placeholder tables: | `{{key}}` | 中文名 | 说明 | 示例 |
const rows = [...doc.matchAll(/^\| `\{\{([^}]+)\}\}` \| ([^|]+) \|/gm)].map((m) => ({
  key: m[1] as string,
  zh: (m[2] as string).trim(),
}));

describe('docs/templates.md', () => {
  it('lists exactly the placeholders of placeholders.ts, each once', () => {
    const keys = rows.map((r) => r.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect([...keys].sort()).toEqual(PLACEHOLDERS.map((p) => p.key).sort());
  });

  it('gives each its Chinese name as declared', () => {
    const declared = new Map<string, string>(PLACEHOLDERS.map((p) => [p.key, p.zh]));
    for (const r of rows) expect(r.zh, r.key).toBe(declared.get(r.key));
  });
});
