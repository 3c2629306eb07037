// The template language: finding, checking and filling `{{key}}` placeholders.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fillTemplate, findPlaceholders, missingMark, validateTemplate } from '../../common/templates/engine';
import { PLACEHOLDER_KEYS, PLACEHOLDERS } from '../../common/templates/placeholders';

describe('placeholder list', () => {
  it('has unique, well-formed keys and a label, description and example for each', () => {
    expect(new Set(PLACEHOLDER_KEYS).size).toBe(PLACEHOLDER_KEYS.length);
    for (const p of PLACEHOLDERS) {
      expect(p.key).toMatch(/^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)*$/);
      expect(p.zh.trim()).not.toBe('');
      expect(p.en.trim()).not.toBe('');
      expect(p.description.trim()).not.toBe('');
      expect(p.example.trim()).not.toBe('');
    }
  });
});

describe('findPlaceholders', () => {
  it('finds each placeholder with its position, known or not', () => {
    const text = '定于{{conference.dateCn}}在{{ conference.venue }}召开，{{foo.bar}}';
    expect(findPlaceholders(text)).toEqual([
      { key: 'conference.dateCn', index: 2, length: 21, known: true },
      { key: 'conference.venue', index: 24, length: 22, known: true },
      { key: 'foo.bar', index: 49, length: 11, known: false },
    ]);
  });

  it('skips escaped and malformed braces', () => {
    expect(findPlaceholders('\\{{office.name}} {{}} {{会议名称}} {{office.name')).toEqual([]);
  });
});

describe('validateTemplate', () => {
  it('accepts a template of known placeholders', () => {
    expect(
      validateTemplate({ title: '关于召开{{conference.title}}的通知', body: '{{office.signature}}\n{{todayCn}}' }),
    ).toEqual([]);
  });

  it('names an unknown placeholder, its line and the key it probably meant', () => {
    const body = '各位记者朋友：\n\n大家好！\n\n欢迎出席{{conference.titel}}。';
    const issues = validateTemplate({ title: '发布词', body });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      severity: 'error',
      code: 'unknown-placeholder',
      field: 'body',
      line: 5,
      column: 5,
      key: 'conference.titel',
      suggestion: 'conference.title',
    });
    expect(issues[0]?.message).toBe(
      'body line 5: unknown placeholder {{conference.titel}} (did you mean {{conference.title}}?)',
    );
  });

  it('reports an unknown placeholder in the title as the title', () => {
    const [issue] = validateTemplate({ title: '{{nothing.like.this}}通知', body: '正文' });
    expect(issue?.message).toBe('title: unknown placeholder {{nothing.like.this}}');
    expect(issue?.suggestion).toBeUndefined();
  });

  it('reports malformed braces', () => {
    const body = ['第一行{{conference.title', '{{}}', '{{会议名称}}', '{{conference title}}', '{{{office.name}}}'].join(
      '\n',
    );
    const issues = validateTemplate({ title: 't', body });
    expect(issues.map((i) => [i.code, i.line])).toEqual([
      ['unclosed-braces', 1],
      ['empty-placeholder', 2],
      ['invalid-key', 3],
      ['invalid-key', 4],
      ['invalid-key', 5],
    ]);
    expect(issues.every((i) => i.severity === 'error')).toBe(true);
    expect(issues[0]?.message).toBe('body line 1: {{conference.title has {{ without a closing }} on the same line');
    expect(issues[1]?.message).toBe('body line 2: empty placeholder {{}}');
  });

  it('does not let a placeholder run across lines', () => {
    const issues = validateTemplate({ title: 't', body: '{{conference.\ntitle}}' });
    expect(issues.map((i) => i.code)).toEqual(['unclosed-braces']);
  });

  it('warns of full-width and single braces', () => {
    const issues = validateTemplate({ title: 't', body: '时间：｛｛conference.time｝｝\n地点：{conference.venue}' });
    expect(issues.map((i) => [i.severity, i.code, i.line])).toEqual([
      ['warning', 'full-width-braces', 1],
      ['warning', 'single-braces', 2],
    ]);
  });

  it('does not report escaped braces', () => {
    expect(validateTemplate({ title: 't', body: '写作 \\{{conference.titel}} 即可' })).toEqual([]);
  });

  it('counts lines separated by CRLF', () => {
    const [issue] = validateTemplate({ title: 't', body: 'a\r\n\r\n{{x.y}}' });
    expect(issue?.line).toBe(3);
  });
});

describe('fillTemplate', () => {
  it('replaces placeholders in the title and the body', () => {
    const filled = fillTemplate(
      { title: '关于召开{{conference.title}}的通知', body: '定于{{conference.dateCn}}召开。\n\n{{office.signature}}' },
      {
        'conference.title': '2026年第四季度新闻发布会',
        'conference.dateCn': '2026年11月27日',
        'office.signature': '日照市人民政府新闻办公室',
      },
    );
    expect(filled).toEqual({
      title: '关于召开2026年第四季度新闻发布会的通知',
      body: '定于2026年11月27日召开。\n\n日照市人民政府新闻办公室',
      missing: [],
      unknown: [],
    });
  });

  it('marks a placeholder without a value and lists it once', () => {
    const filled = fillTemplate(
      { title: '{{conference.title}}', body: '地点：{{conference.venue}}；{{conference.venue}}；{{person.name}}' },
      { 'conference.title': '发布会', 'person.name': '   ' },
    );
    expect(filled.body).toBe('地点：【待填：发布会地点】；【待填：发布会地点】；【待填：姓名】');
    expect(filled.missing).toEqual(['conference.venue', 'person.name']);
    expect(missingMark('conference.venue')).toBe('【待填：发布会地点】');
  });

  it('never expands placeholder syntax inside a value', () => {
    const filled = fillTemplate(
      { title: '{{department.name}}', body: '{{department.fullName}}，{{office.name}}' },
      { 'department.name': '{{office.name}}', 'department.fullName': '\\{{today}} {{', 'office.name': '新闻办' },
    );
    expect(filled.title).toBe('{{office.name}}');
    expect(filled.body).toBe('\\{{today}} {{，新闻办');
    expect(filled.missing).toEqual([]);
  });

  it('prints \\{{ as a literal {{', () => {
    const filled = fillTemplate(
      { title: 't', body: '占位符写作 \\{{conference.title}}，如 {{conference.title}}' },
      {
        'conference.title': '发布会',
      },
    );
    expect(filled.body).toBe('占位符写作 {{conference.title}}，如 发布会');
  });

  it('honours an escape right after unclosed braces', () => {
    const filled = fillTemplate({ title: 't', body: '{{\\{{today}} {{a\\b}}' }, { today: '2026-11-20' });
    expect(filled.body).toBe('{{{{today}} {{a\\b}}');
    expect(validateTemplate({ title: 't', body: '{{\\{{today}}' }).map((i) => i.code)).toEqual(['unclosed-braces']);
  });

  it('leaves unknown placeholders and malformed braces as written', () => {
    const filled = fillTemplate(
      { title: 't', body: '{{foo.bar}} {{}} {{会议}} {{office.name' },
      { 'office.name': 'x' },
    );
    expect(filled.body).toBe('{{foo.bar}} {{}} {{会议}} {{office.name');
    expect(filled.unknown).toEqual(['foo.bar']);
  });

  it('keeps the title on one line and a value inside its paragraph', () => {
    const filled = fillTemplate(
      { title: '{{conference.speakers}}', body: '出席：\n{{conference.speakers}}\n\n下一段' },
      { 'conference.speakers': '张伟\n李娜\r\n\r\n王强' },
    );
    expect(filled.title).toBe('张伟、李娜、王强');
    expect(filled.body).toBe('出席：\n张伟\n李娜\n王强\n\n下一段');
  });

  it('takes linear time on hostile input', () => {
    // ~1 MB of braces per field: a quadratic scan would take minutes.
    const hostile =
      '{{'.repeat(150_000) +
      '\\{{'.repeat(75_000) +
      '{{a'.repeat(75_000) +
      '{{office.name}}'.repeat(20_000) +
      '{{conference.titel}}'.repeat(20_000);
    const started = performance.now();
    const filled = fillTemplate({ title: hostile, body: hostile }, { 'office.name': '{{'.repeat(10) });
    const issues = validateTemplate({ title: hostile, body: hostile });
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(filled.body.length).toBe(hostile.length - 75_000 + 20_000 * (20 - 15));
    expect(filled.unknown).toEqual(['conference.titel']);
    expect(issues).toHaveLength(200);
  });
});

describe('fillTemplate properties', () => {
  const keyArb = fc.constantFrom(...PLACEHOLDER_KEYS);
  const pieceArb = fc.oneof(
    keyArb.map((k) => `{{${k}}}`),
    keyArb.map((k) => `{{ ${k} }}`),
    fc.constantFrom('{{', '}}', '{', '}', '\\', '\\{{', '\n', '\n\n', '一、', '。', '{{}}', '{{x.y}}', '｛｛'),
    fc.string({ maxLength: 8 }),
  );
  const textArb = fc.array(pieceArb, { maxLength: 30 }).map((a) => a.join(''));
  const valuesArb = fc.dictionary(keyArb, fc.string({ maxLength: 20 }));
  const knownInOutput = (s: string) => findPlaceholders(s).some((p) => p.known);

  it('never throws and leaves no known placeholder behind', () => {
    fc.assert(
      fc.property(textArb, textArb, valuesArb, (title, body, values) => {
        // Escapes print `{{` on purpose, and values are never expanded: leave both out to check the rest.
        fc.pre(!title.includes('\\') && !body.includes('\\'));
        const clean = Object.fromEntries(
          Object.entries(values).filter(([, v]) => !v.includes('{') && !v.includes('\\')),
        );
        const filled = fillTemplate({ title, body }, clean);
        expect(knownInOutput(filled.title)).toBe(false);
        expect(knownInOutput(filled.body)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on any text and values, and lists exactly the known keys without a value', () => {
    fc.assert(
      fc.property(textArb, valuesArb, (body, values) => {
        const filled = fillTemplate({ title: '', body }, values);
        const used = new Set(findPlaceholders(body).flatMap((p) => (p.known ? [p.key] : [])));
        const expected = [...used].filter((k) => !(values[k as keyof typeof values] ?? '').trim());
        expect(new Set(filled.missing)).toEqual(new Set(expected));
        validateTemplate({ title: body, body });
      }),
      { numRuns: 500 },
    );
  });
});
