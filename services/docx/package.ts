// What docx's Packer leaves to do on the finished package:
// - word/fontTable.xml: docx writes fonts only for embedding (each needs the font file), so the
//   table of fallbacks (fonts.ts) replaces its empty one.
// - word/styles.xml: the Normal style is written here, as docx cannot set a style's snapToGrid
//   (every paragraph stays off the character grid, layout.ts).
// - docProps/core.xml: docx stamps created/modified with the clock; they become the given time.
// - the zip entries' own dates, which JSZip also takes from the clock.
// With a fixed time the same document gives the same bytes.
import JSZip from 'jszip';
import { BODY_FONT, fontTableXml } from './fonts';
import { BODY_PT } from './layout';

/** W3CDTF as Word writes it, to the second. */
function w3cdtf(at: Date): string {
  return at.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export async function finishPackage(packed: Buffer, at: Date): Promise<Buffer> {
  const source = await JSZip.loadAsync(packed);
  const out = new JSZip();
  const names = Object.keys(source.files).filter((name) => !source.files[name]?.dir);
  // [Content_Types].xml first, as Office writes it; some readers sniff the first entry.
  names.sort((a, b) => Number(b === '[Content_Types].xml') - Number(a === '[Content_Types].xml'));
  for (const name of names) {
    let data: string | Uint8Array;
    if (name === 'word/fontTable.xml') {
      data = fontTableXml();
    } else if (name === 'word/styles.xml') {
      data = replaceNormalStyle(await readText(source, name));
    } else if (name === 'docProps/core.xml') {
      data = stampCoreProperties(await readText(source, name), at);
    } else {
      data = await readBytes(source, name);
    }
    out.file(name, data, { date: at, createFolders: false });
  }
  return out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

const NORMAL_STYLE = /<w:style\b[^>]*\bw:styleId="Normal"[^>]*>[\s\S]*?<\/w:style>/;

/**
 * Normal: 3号仿宋 (Word counts the grid's charSpace from this size, LibreOffice its cell width),
 * off the grid, with widow and orphan control on as in Word's and WPS's own Normal (and
 * LibreOffice's import), so that all three break pages alike. What a reader types follows it.
 */
function replaceNormalStyle(xml: string): string {
  if (!NORMAL_STYLE.test(xml)) throw new Error('docx: styles.xml has no Normal style to replace');
  const fonts = `w:ascii="${BODY_FONT}" w:hAnsi="${BODY_FONT}" w:eastAsia="${BODY_FONT}" w:cs="${BODY_FONT}"`;
  const size = BODY_PT * 2;
  return xml.replace(
    NORMAL_STYLE,
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>' +
      '<w:pPr><w:widowControl/><w:snapToGrid w:val="0"/></w:pPr>' +
      `<w:rPr><w:rFonts ${fonts}/><w:sz w:val="${size}"/><w:szCs w:val="${size}"/><w:lang w:val="zh-CN" w:eastAsia="zh-CN"/></w:rPr>` +
      '</w:style>',
  );
}

function stampCoreProperties(xml: string, at: Date): string {
  const stamp = w3cdtf(at);
  return xml.replace(
    /(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g,
    (_all, open: string, _name: string, close: string) => `${open}${stamp}${close}`,
  );
}

async function readText(zip: JSZip, name: string): Promise<string> {
  const file = zip.file(name);
  if (!file) throw new Error(`docx: the package has no ${name}`);
  return file.async('string');
}

async function readBytes(zip: JSZip, name: string): Promise<Uint8Array> {
  const file = zip.file(name);
  if (!file) throw new Error(`docx: the package has no ${name}`);
  return file.async('uint8array');
}
