// The .docx as Word and WPS read it: every part strict XML, the GB/T 9704 page and typefaces in
// the markup, and the text as given, less what XML cannot carry.
import fc from 'fast-check';
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { parseBody } from '../../common/document-body';
import type { Block, RenderableDocument } from '../../common/document-model';
import { isXmlSafe, xmlSafe } from '../../common/xml-text';
import { formatDocumentDate, signatureIndents } from '../../services/docx/body';
import {
  CHAR_SPACE,
  charsToTwips,
  LINE_PITCH,
  MARGIN_BOTTOM,
  MARGIN_LEFT,
  MARGIN_RIGHT,
  MARGIN_TOP,
  mmToTwips,
  PAGE_HEIGHT,
  PAGE_WIDTH,
  TEXT_HEIGHT,
  TEXT_WIDTH,
} from '../../services/docx/layout';
import { renderDocx } from '../../services/docx/render';
import { textWidthInChars } from '../../services/docx/runs';
import { columnWidths } from '../../services/docx/table';

// ---------------------------------------------------------------------------------------------
// A small strict XML reader: saxes throws on anything that is not well-formed XML 1.0.

interface El {
  name: string;
  attrs: Record<string, string>;
  children: El[];
  text: string;
}

function parseXml(xml: string, part: string): El {
  const root: El = { name: '#document', attrs: {}, children: [], text: '' };
  const stack: El[] = [root];
  const parser = new SaxesParser({ xmlns: true });
  parser.on('error', (err) => {
    throw new Error(`${part}: ${err.message}`);
  });
  parser.on('opentag', (node) => {
    const attrs: Record<string, string> = {};
    for (const [name, attr] of Object.entries(node.attributes))
      attrs[name] = typeof attr === 'string' ? attr : attr.value;
    const el: El = { name: node.name, attrs, children: [], text: '' };
    stack[stack.length - 1]?.children.push(el);
    stack.push(el);
  });
  parser.on('text', (text) => {
    const top = stack[stack.length - 1];
    if (top) top.text += text;
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.write(xml).close();
  return root;
}

function all(el: El, name: string, out: El[] = []): El[] {
  for (const child of el.children) {
    if (child.name === name) out.push(child);
    all(child, name, out);
  }
  return out;
}

function first(el: El, name: string): El {
  const found = all(el, name)[0];
  if (!found) throw new Error(`no <${name}> under <${el.name}>`);
  return found;
}

function child(el: El, name: string): El | undefined {
  return el.children.find((c) => c.name === name);
}

/** What a reader sees of a paragraph: w:t text, w:br as '\n', a run's w:tab as '\t'. */
function visibleText(el: El): string {
  let text = '';
  for (const c of el.children) {
    if (c.name === 'w:t') text += c.text;
    else if (c.name === 'w:br') text += '\n';
    else if (c.name === 'w:tab' && el.name === 'w:r') text += '\t';
    else text += visibleText(c);
  }
  return text;
}

interface Docx {
  parts: Map<string, string>;
  xml(name: string): El;
  /** The part a relationship of word/document.xml points at. */
  related(id: string): El;
  body: El;
  paragraphs: El[];
  texts: string[];
}

async function openDocx(buffer: Buffer): Promise<Docx> {
  const zip = await JSZip.loadAsync(buffer);
  const parts = new Map<string, string>();
  const trees = new Map<string, El>();
  for (const [name, file] of Object.entries(zip.files)) {
    if (file.dir) continue;
    const text = await file.async('string');
    parts.set(name, text);
    // Every part of the package is XML: parse each one strictly.
    if (name.endsWith('.xml') || name.endsWith('.rels')) trees.set(name, parseXml(text, name));
  }
  const xml = (name: string) => {
    const tree = trees.get(name);
    if (!tree) throw new Error(`the package has no ${name}`);
    return tree;
  };
  const rels = all(xml('word/_rels/document.xml.rels'), 'Relationship');
  const related = (id: string) => {
    const target = rels.find((r) => r.attrs.Id === id)?.attrs.Target;
    if (!target) throw new Error(`no relationship ${id}`);
    return xml(`word/${target}`);
  };
  const body = first(xml('word/document.xml'), 'w:body');
  const paragraphs = all(body, 'w:p');
  return { parts, xml, related, body, paragraphs, texts: paragraphs.map((p) => visibleText(p)) };
}

function paragraphWith(docx: Docx, text: string): El {
  const i = docx.texts.indexOf(text);
  const p = docx.paragraphs[i];
  if (!p) throw new Error(`no paragraph reads "${text}"; they read ${JSON.stringify(docx.texts)}`);
  return p;
}

function runProps(p: El): El {
  return first(first(p, 'w:r'), 'w:rPr');
}

function attr(el: El | undefined, name: string): string | undefined {
  return el?.attrs[name];
}

// ---------------------------------------------------------------------------------------------

const AT = new Date('2026-11-27T08:00:00Z');

function sample(overrides: Partial<RenderableDocument> = {}): RenderableDocument {
  return {
    title: '关于做好2026年新闻发布工作的通知',
    docNumber: '日新办发〔2026〕3号',
    recipients: '各区县人民政府，市政府各部门',
    blocks: parseBody(
      '为进一步做好新闻发布工作，现将有关事项通知如下。\n\n一、总体要求\n\n坚持正确舆论导向。\n\n（一）工作目标\n\n全年举办新闻发布会不少于24场。',
    ),
    signature: { office: '日新市人民政府新闻办公室', date: '2026-11-27' },
    note: '联系人：张晓明，电话：12345678',
    draft: false,
    author: '张晓明',
    ...overrides,
  };
}

describe('renderDocx: the GB/T 9704 page', () => {
  it('computes the page in twips from millimetres', () => {
    expect(mmToTwips(1)).toBe(57);
    expect([PAGE_WIDTH, PAGE_HEIGHT]).toEqual([11906, 16838]);
    expect([MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT]).toEqual([2098, 1984, 1587, 1474]);
    // 版心 156 × 225 mm.
    expect([TEXT_WIDTH, TEXT_HEIGHT]).toEqual([8845, 12756]);
    // 22 lines of 579 twips fit the 版心; 22 of 580 would not.
    expect(LINE_PITCH).toBe(579);
    expect(22 * LINE_PITCH).toBeLessThanOrEqual(TEXT_HEIGHT);
    expect(22 * (LINE_PITCH + 1)).toBeGreaterThan(TEXT_HEIGHT);
    expect(CHAR_SPACE).toBe(-842);
    // 28 condensed body characters fit a line, 29 do not.
    expect(charsToTwips(28)).toBeLessThanOrEqual(TEXT_WIDTH);
    expect(charsToTwips(29)).toBeGreaterThan(TEXT_WIDTH);
  });

  it('writes an A4 portrait section with the standard margins, footer distance and grid', async () => {
    const docx = await openDocx(await renderDocx(sample(), { at: AT }));
    const sectPr = first(docx.body, 'w:sectPr');
    expect(first(sectPr, 'w:pgSz').attrs).toMatchObject({ 'w:w': '11906', 'w:h': '16838', 'w:orient': 'portrait' });
    expect(first(sectPr, 'w:pgMar').attrs).toMatchObject({
      'w:top': '2098',
      'w:bottom': '1984',
      'w:left': '1587',
      'w:right': '1474',
      'w:footer': String(mmToTwips(25)),
      'w:gutter': '0',
    });
    expect(first(sectPr, 'w:docGrid').attrs).toEqual({
      'w:type': 'linesAndChars',
      'w:linePitch': '579',
      'w:charSpace': '-842',
    });
  });

  it('sets every body paragraph on exact 579-twip lines, justified, first line indented two characters', async () => {
    const docx = await openDocx(await renderDocx(sample(), { at: AT }));
    for (const text of ['为进一步做好新闻发布工作，现将有关事项通知如下。', '一、总体要求', '（一）工作目标']) {
      const pPr = first(paragraphWith(docx, text), 'w:pPr');
      expect(first(pPr, 'w:spacing').attrs).toMatchObject({ 'w:line': '579', 'w:lineRule': 'exact' });
      expect(first(pPr, 'w:ind').attrs).toMatchObject({
        'w:firstLineChars': '200',
        'w:firstLine': String(charsToTwips(2)),
      });
      expect(attr(first(pPr, 'w:jc'), 'w:val')).toBe('both');
    }
  });

  it('keeps every paragraph off the character grid and gives Normal the 3号 size the grid counts from', async () => {
    const docx = await openDocx(await renderDocx(sample(), { at: AT }));
    const normal = all(docx.xml('word/styles.xml'), 'w:style').filter((s) => s.attrs['w:styleId'] === 'Normal');
    expect(normal).toHaveLength(1);
    const style = normal[0] as El;
    expect(attr(first(style, 'w:snapToGrid'), 'w:val')).toBe('0');
    expect(attr(first(style, 'w:sz'), 'w:val')).toBe('32');
    expect(attr(first(style, 'w:rFonts'), 'w:eastAsia')).toBe('仿宋_GB2312');
  });

  it('writes the title in 2号小标宋, centred, and the 发文字号 centred under it', async () => {
    const docx = await openDocx(await renderDocx(sample(), { at: AT }));
    expect(docx.texts.slice(0, 3)).toEqual([
      '关于做好2026年新闻发布工作的通知',
      '日新办发〔2026〕3号',
      '各区县人民政府，市政府各部门：',
    ]);
    const title = docx.paragraphs[0] as El;
    expect(attr(first(title, 'w:jc'), 'w:val')).toBe('center');
    const rPr = runProps(title);
    expect(first(rPr, 'w:rFonts').attrs).toMatchObject({
      'w:eastAsia': '方正小标宋简体',
      'w:ascii': '方正小标宋简体',
      'w:hAnsi': '方正小标宋简体',
    });
    expect(attr(first(rPr, 'w:sz'), 'w:val')).toBe('44');
    const number = docx.paragraphs[1] as El;
    expect(attr(first(number, 'w:jc'), 'w:val')).toBe('center');
    // One blank line between the title block and 主送.
    expect(attr(first(number, 'w:spacing'), 'w:after')).toBe('579');
  });

  it('writes 主送 flush left with a full-width colon, and leaves it out when not given', async () => {
    const docx = await openDocx(await renderDocx(sample(), { at: AT }));
    expect(child(first(paragraphWith(docx, '各区县人民政府，市政府各部门：'), 'w:pPr'), 'w:ind')).toBeUndefined();
    const without = await openDocx(await renderDocx(sample({ recipients: null, docNumber: '  ' }), { at: AT }));
    expect(without.texts.slice(0, 2)).toEqual([
      '关于做好2026年新闻发布工作的通知',
      '为进一步做好新闻发布工作，现将有关事项通知如下。',
    ]);
    expect(attr(first(without.paragraphs[0] as El, 'w:spacing'), 'w:after')).toBe('579');
    const colon = await openDocx(await renderDocx(sample({ recipients: '各单位:' }), { at: AT }));
    expect(colon.texts).toContain('各单位:');
  });

  it('sets body text in 3号仿宋, 一、 headings in 黑体 and （一） headings in 楷体, with every script named', async () => {
    const docx = await openDocx(await renderDocx(sample(), { at: AT }));
    const cases: [string, string][] = [
      ['为进一步做好新闻发布工作，现将有关事项通知如下。', '仿宋_GB2312'],
      ['一、总体要求', '黑体'],
      ['（一）工作目标', '楷体_GB2312'],
    ];
    for (const [text, font] of cases) {
      const rPr = runProps(paragraphWith(docx, text));
      expect(first(rPr, 'w:rFonts').attrs).toMatchObject({ 'w:eastAsia': font, 'w:ascii': font, 'w:hAnsi': font });
      expect(attr(first(rPr, 'w:sz'), 'w:val')).toBe('32');
      expect(attr(first(rPr, 'w:spacing'), 'w:val')).toBe('-6');
    }
    expect(attr(first(paragraphWith(docx, '一、总体要求'), 'w:outlineLvl'), 'w:val')).toBe('0');
    expect(attr(first(paragraphWith(docx, '（一）工作目标'), 'w:outlineLvl'), 'w:val')).toBe('1');
  });

  it('declares the typefaces with their fallbacks in the font table', async () => {
    const docx = await openDocx(await renderDocx(sample(), { at: AT }));
    const fonts = new Map(all(docx.xml('word/fontTable.xml'), 'w:font').map((f) => [f.attrs['w:name'], f]));
    const altNames = (name: string) => attr(child(fonts.get(name) as El, 'w:altName'), 'w:val')?.split(',');
    expect(altNames('方正小标宋简体')).toEqual(['华文中宋', '宋体', 'SimSun']);
    expect(altNames('仿宋_GB2312')).toEqual(['仿宋', 'FangSong']);
    expect(altNames('楷体_GB2312')).toEqual(['楷体', 'KaiTi']);
    expect(altNames('黑体')).toEqual(['SimHei']);
    expect(altNames('宋体')).toEqual(['SimSun']);
    for (const [name, font] of fonts) {
      expect(font.children.map((c) => c.name).slice(0, 6), name).toEqual([
        'w:altName',
        'w:panose1',
        'w:charset',
        'w:family',
        'w:pitch',
        'w:sig',
      ]);
      expect(attr(child(font, 'w:charset'), 'w:val')).toBe('86');
      expect(attr(child(font, 'w:panose1'), 'w:val')).toMatch(/^[0-9A-F]{20}$/);
    }
    // Every font a run names is described.
    const named = new Set(
      [...docx.parts]
        .filter(([name]) => name.startsWith('word/') && name.endsWith('.xml'))
        .flatMap(([name]) => all(docx.xml(name), 'w:rFonts'))
        .flatMap((r) => Object.values(r.attrs)),
    );
    for (const name of named) expect(fonts.has(name), name).toBe(true);
  });

  it('numbers pages "— N —" in 4号宋体, right on odd pages and left on even pages', async () => {
    const docx = await openDocx(await renderDocx(sample(), { at: AT }));
    expect(all(docx.xml('word/settings.xml'), 'w:evenAndOddHeaders')).toHaveLength(1);
    const refs = all(first(docx.body, 'w:sectPr'), 'w:footerReference');
    expect(refs.map((r) => r.attrs['w:type']).sort()).toEqual(['default', 'even']);
    for (const ref of refs) {
      const footer = docx.related(ref.attrs['r:id'] as string);
      const p = first(footer, 'w:p');
      expect(all(footer, 'w:instrText').map((i) => i.text.trim())).toEqual(['PAGE']);
      expect(all(footer, 'w:fldChar').map((f) => f.attrs['w:fldCharType'])).toEqual(['begin', 'separate', 'end']);
      // The field's result, the page number, goes between "— " and " —".
      expect(all(p, 'w:t').map((t) => t.text)).toEqual(['\u2014 ', ' \u2014']);
      const rPr = runProps(p);
      expect(attr(first(rPr, 'w:sz'), 'w:val')).toBe('28');
      expect(attr(first(rPr, 'w:rFonts'), 'w:eastAsia')).toBe('宋体');
      const odd = ref.attrs['w:type'] === 'default';
      expect(attr(first(p, 'w:jc'), 'w:val')).toBe(odd ? 'right' : 'left');
      // 空一字: one 14 pt character from the outer edge.
      expect(attr(first(p, 'w:ind'), odd ? 'w:right' : 'w:left')).toBe('280');
    }
  });

  it('signs with the office centred over the date, the date four characters from the right, the 附注 below', async () => {
    const docx = await openDocx(await renderDocx(sample(), { at: AT }));
    const n = docx.texts.length;
    expect(docx.texts.slice(n - 3)).toEqual([
      '日新市人民政府新闻办公室',
      '2026年11月27日',
      '（联系人：张晓明，电话：12345678）',
    ]);
    const [office, date, note] = docx.paragraphs.slice(n - 3) as [El, El, El];
    expect(attr(first(date, 'w:jc'), 'w:val')).toBe('right');
    expect(attr(first(date, 'w:ind'), 'w:right')).toBe(String(charsToTwips(4)));
    expect(attr(first(office, 'w:jc'), 'w:val')).toBe('right');
    // 12 characters over 7 characters and 5 Chinese/digit seams: (4 + (8.25 − 12) / 2) characters in.
    expect(attr(first(office, 'w:ind'), 'w:right')).toBe(String(charsToTwips(2.125)));
    expect(attr(first(office, 'w:spacing'), 'w:before')).toBe('579');
    expect(first(note, 'w:ind').attrs).toMatchObject({ 'w:firstLineChars': '200' });
  });

  it('writes 成文日期 in Arabic numerals without leading zeros, and refuses a date it cannot read', () => {
    expect(formatDocumentDate('2026-01-05')).toBe('2026年1月5日');
    expect(formatDocumentDate('2026-11-27')).toBe('2026年11月27日');
    expect(() => formatDocumentDate('2026/11/27')).toThrow(/signature.date "2026\/11\/27"/);
    expect(() => formatDocumentDate('2026-13-01')).toThrow(/YYYY-MM-DD/);
  });

  it('estimates widths with half-width digits and the space at Chinese/digit seams', () => {
    expect(textWidthInChars('日新市人民政府新闻办公室')).toBe(12);
    expect(textWidthInChars('2026年11月27日')).toBe(8.25);
    const indents = signatureIndents(
      ['日新市人民政府新闻办公室', '很长很长很长很长很长很长很长很长很长很长的署名'],
      '2026年11月27日',
    );
    expect(indents.date).toBe(4);
    expect(indents.office).toEqual([2.125, 0]);
  });

  it('marks a draft 草稿 in red at the top of odd and even pages, and a final document nowhere', async () => {
    const draft = await openDocx(await renderDocx(sample({ draft: true }), { at: AT }));
    const refs = all(first(draft.body, 'w:sectPr'), 'w:headerReference');
    expect(refs.map((r) => r.attrs['w:type']).sort()).toEqual(['default', 'even']);
    for (const ref of refs) {
      const header = draft.related(ref.attrs['r:id'] as string);
      const p = first(header, 'w:p');
      expect(visibleText(p)).toBe('草稿');
      expect(attr(first(runProps(p), 'w:color'), 'w:val')).toBe('FF0000');
    }
    // The title itself is printed as written.
    expect(draft.texts[0]).toBe('关于做好2026年新闻发布工作的通知');
    const core = draft.xml('docProps/core.xml');
    expect(first(core, 'dc:title').text).toBe('关于做好2026年新闻发布工作的通知（草稿）');
    expect(first(core, 'dc:description').text).toContain('草稿');

    const final = await openDocx(await renderDocx(sample({ draft: false }), { at: AT }));
    expect(all(first(final.body, 'w:sectPr'), 'w:headerReference')).toEqual([]);
    for (const [name, text] of final.parts) expect(text.includes('草稿'), name).toBe(false);
    expect(first(final.xml('docProps/core.xml'), 'dc:title').text).toBe('关于做好2026年新闻发布工作的通知');
  });

  it('writes the given time into the core properties and gives the same bytes for the same document', async () => {
    const a = await renderDocx(sample(), { at: AT });
    const b = await renderDocx(sample(), { at: AT });
    expect(a.equals(b)).toBe(true);
    const core = (await openDocx(a)).xml('docProps/core.xml');
    expect(first(core, 'dcterms:created').text).toBe('2026-11-27T08:00:00Z');
    expect(first(core, 'dcterms:modified').text).toBe('2026-11-27T08:00:00Z');
    expect(first(core, 'dc:creator').text).toBe('张晓明');
  });

  it('keeps a line break inside a paragraph as w:br and a tab as w:tab', async () => {
    const docx = await openDocx(
      await renderDocx(sample({ blocks: [{ type: 'paragraph', text: '甲\n乙\t丙\r\n丁' }] }), { at: AT }),
    );
    const p = paragraphWith(docx, '甲\n乙\t丙\n丁');
    expect(all(p, 'w:br')).toHaveLength(2);
    expect(all(p, 'w:tab')).toHaveLength(1);
  });
});

describe('renderDocx: tables', () => {
  const header = [
    '序号',
    '单位',
    '应发布',
    '已发布',
    '完成率',
    '一季度',
    '二季度',
    '三季度',
    '四季度',
    '出席',
    '解读',
    '备注',
  ];
  const rows = Array.from({ length: 24 }, (_, i) => [
    String(i + 1),
    `市第${i + 1}局`,
    '4',
    '3',
    '75%',
    '1',
    '1',
    '1',
    '0',
    '是',
    '2',
    '',
  ]);

  it('spans a landscape 版心 with a repeated bold header row and 小四 cells', async () => {
    const table: Block = { type: 'table', header, rows, widths: [1, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2] };
    const docx = await openDocx(
      await renderDocx({ title: '统计表', blocks: [table], draft: false, landscape: true }, { at: AT }),
    );
    const sectPr = first(docx.body, 'w:sectPr');
    expect(first(sectPr, 'w:pgSz').attrs).toMatchObject({ 'w:w': '16838', 'w:h': '11906', 'w:orient': 'landscape' });
    // The portrait page turned a quarter clockwise: 订口 28 mm on top, 天头 37 mm on the right.
    expect(first(sectPr, 'w:pgMar').attrs).toMatchObject({
      'w:top': '1587',
      'w:right': '2098',
      'w:bottom': '1474',
      'w:left': '1984',
      'w:footer': String(1474 - mmToTwips(10)),
    });
    const tbl = first(docx.body, 'w:tbl');
    const grid = all(tbl, 'w:gridCol').map((g) => Number(g.attrs['w:w']));
    expect(grid).toHaveLength(12);
    expect(grid.reduce((a, b) => a + b, 0)).toBe(16838 - 1984 - 2098);
    expect(attr(first(tbl, 'w:tblW'), 'w:w')).toBe(String(16838 - 1984 - 2098));
    expect(attr(first(tbl, 'w:tblLayout'), 'w:type')).toBe('fixed');
    for (const side of ['w:top', 'w:left', 'w:bottom', 'w:right', 'w:insideH', 'w:insideV']) {
      expect(attr(first(first(tbl, 'w:tblBorders'), side), 'w:val')).toBe('single');
    }
    const trs = all(tbl, 'w:tr');
    expect(trs).toHaveLength(25);
    const headerRow = trs[0] as El;
    expect(child(first(headerRow, 'w:trPr'), 'w:tblHeader')?.attrs['w:val']).toBeUndefined();
    expect(all(headerRow, 'w:b')).toHaveLength(12);
    expect(all(trs[1] as El, 'w:b')).toHaveLength(0);
    expect(attr(child(first(trs[1] as El, 'w:trPr'), 'w:tblHeader'), 'w:val')).toBe('off');
    for (const sz of all(tbl, 'w:sz')) expect(sz.attrs['w:val']).toBe('24');
    expect(
      all(tbl, 'w:tc')
        .map((tc) => visibleText(tc))
        .slice(12, 14),
    ).toEqual(['1', '市第1局']);
  });

  it('pads short rows, ignores unusable widths, and leaves out a table without cells', async () => {
    expect(columnWidths(3, 8845)).toEqual([2948, 2948, 2949]);
    expect(columnWidths(3, 8845, [1, 0, 1])).toEqual([2948, 2948, 2949]);
    expect(columnWidths(2, 8845, [1, 3])).toEqual([2211, 6634]);
    const docx = await openDocx(
      await renderDocx(
        {
          title: 't',
          blocks: [
            { type: 'table', header: ['a', 'b', 'c'], rows: [['1']] },
            { type: 'table', header: [], rows: [] },
          ],
          draft: false,
        },
        { at: AT },
      ),
    );
    const tbls = all(docx.body, 'w:tbl');
    expect(tbls).toHaveLength(1);
    expect(all(tbls[0] as El, 'w:tc').map((tc) => visibleText(tc))).toEqual(['a', 'b', 'c', '1', '', '']);
  });
});

describe('renderDocx: hostile text', () => {
  const piece = fc.oneof(
    fc.constantFrom('<', '>', '&', '"', "'", ']]>', '&amp;', '<w:t>', '\uFFFE', '\uFFFF', '\uD800', '\uDBFF', '\uDC00'),
    fc.constantFrom(
      '\uDFFF',
      '😀',
      '👨‍👩‍👧',
      '中文',
      '一、',
      '（一）',
      '\t',
      '\n',
      '\r',
      '\r\n',
      ' ',
      '\u3000',
      '\u0085',
    ),
    fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)),
    fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
    fc.string({ unit: 'grapheme', maxLength: 4 }),
  );
  const text = fc.array(piece, { maxLength: 24 }).map((parts) => parts.join(''));
  /** What the reader should see of a verbatim text. */
  const seen = (s: string) => xmlSafe(s).replace(/\r\n?/g, '\n');
  const trimmed = (s: string) => seen(s).trim();

  it('writes strict XML and shows exactly the text XML can carry', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          title: text,
          paragraph: text,
          heading: text,
          cell: text,
          recipients: text,
          docNumber: text,
          office: text,
          note: text,
          author: text,
          draft: fc.boolean(),
        }),
        async (t) => {
          const blocks: Block[] = [
            { type: 'paragraph', text: t.paragraph },
            { type: 'heading1', text: t.heading },
            { type: 'table', header: ['单位', t.cell], rows: [[t.cell, '']] },
          ];
          const buffer = await renderDocx(
            {
              title: t.title,
              docNumber: t.docNumber,
              recipients: t.recipients,
              blocks,
              signature: { office: t.office, date: '2026-11-27' },
              note: t.note,
              author: t.author,
              draft: t.draft,
            },
            { at: AT },
          );
          // openDocx parses every part with saxes, which throws on anything not well-formed.
          const docx = await openDocx(buffer);
          for (const [name, part] of docx.parts) expect(isXmlSafe(part), name).toBe(true);
          const recipients = trimmed(t.recipients);
          const officeLines = seen(t.office)
            .split('\n')
            .map((l) => l.trim())
            .filter((l) => l !== '');
          const expected = [
            seen(t.title),
            ...(trimmed(t.docNumber) ? [trimmed(t.docNumber)] : []),
            ...(recipients ? [/[:：]$/.test(recipients) ? recipients : `${recipients}：`] : []),
            seen(t.paragraph),
            seen(t.heading),
            '单位',
            seen(t.cell),
            seen(t.cell),
            '',
            ...officeLines,
            '2026年11月27日',
            ...(trimmed(t.note) ? [`（${trimmed(t.note)}）`] : []),
          ];
          expect(docx.texts).toEqual(expected);
          const creator = all(docx.xml('docProps/core.xml'), 'dc:creator')[0]?.text ?? '';
          expect(creator).toBe(xmlSafe(t.author).replace(/\s+/g, ' ').trim());
        },
      ),
      { numRuns: 60 },
    );
  }, 60_000);

  it('renders a 200,000-character body in a few seconds', async () => {
    const paragraph = '为进一步做好新闻发布工作，推进政务公开，回应社会关切，现就有关事项通知如下。'.repeat(5);
    // Every twentieth block a heading, the blocks a blank line apart.
    const blocks: string[] = [];
    let length = 0;
    while (length < 200_000) {
      const block = blocks.length % 20 === 0 ? `${'一二三四五六七八九十'[blocks.length % 10]}、标题` : paragraph;
      blocks.push(block);
      length += block.length + 2;
    }
    const body = blocks.join('\n\n');
    const count = blocks.filter((b) => b === paragraph).length;
    expect(body.length).toBeGreaterThanOrEqual(200_000);
    const started = performance.now();
    const buffer = await renderDocx(sample({ blocks: parseBody(body) }), { at: AT });
    const elapsed = performance.now() - started;
    const docx = await openDocx(buffer);
    expect(docx.texts.filter((t) => t === paragraph)).toHaveLength(count);
    expect(elapsed).toBeLessThan(5_000);
  }, 30_000);
});
