// What docx's compiler leaves to do on the package's parts, and the zip they go in:
// - word/fontTable.xml: docx writes fonts only for embedding (each needs the font file), so the
//   table of fallbacks (fonts.ts) replaces its empty one.
// - word/styles.xml: the Normal style is written here, as docx cannot set a style's snapToGrid
//   (every paragraph stays off the character grid, layout.ts).
// - docProps/core.xml: docx stamps created/modified with the clock; they become the given time.
// - the zip entries' own dates, also the given time.
// With a fixed time the same document gives the same bytes. The parts are zipped once, here,
// synchronously, with the platform's zlib (docx's own zip is thrown away unused).
import { crc32, deflateRawSync } from 'node:zlib';
import { BODY_FONT, fontTableXml } from './fonts';
import { BODY_PT } from './layout';

/** W3CDTF as Word writes it, to the second. */
function w3cdtf(at: Date): string {
  return at.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The compiled parts of a package, finished: font table, Normal style and core properties replaced. */
export function finishParts(parts: Map<string, string | Uint8Array>, at: Date): ZipEntry[] {
  const names = [...parts.keys()];
  // [Content_Types].xml first, as Office writes it; some readers sniff the first entry.
  names.sort((a, b) => Number(b === '[Content_Types].xml') - Number(a === '[Content_Types].xml'));
  return names.map((name) => {
    const data = parts.get(name) as string | Uint8Array;
    if (name === 'word/fontTable.xml') return { name, data: fontTableXml() };
    if (name === 'word/styles.xml') return { name, data: replaceNormalStyle(text(data)) };
    if (name === 'docProps/core.xml') return { name, data: stampCoreProperties(text(data), at) };
    return { name, data };
  });
}

const text = (data: string | Uint8Array) => (typeof data === 'string' ? data : Buffer.from(data).toString('utf8'));

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

// ---------------------------------------------------------------------------------------------
// Zip (PKWARE APPNOTE 6.3): local headers with known sizes (no data descriptors), DEFLATE or
// STORE, UTF-8 names, DOS times in UTC (the same bytes whatever the time zone), ZIP64 end
// records when there are too many entries or the archive passes 4 GiB.

export interface ZipEntry {
  name: string;
  data: string | Uint8Array;
  /** Store instead of deflate (data that is compressed already, such as a .docx). */
  store?: boolean | undefined;
}

/** One entry compressed and checksummed, ready to be written. */
export interface ZipBlock {
  name: Buffer;
  method: 0 | 8;
  crc: number;
  size: number;
  compressed: Uint8Array;
}

/** Parts that are the same in every package (styles, theme, footers …) are compressed once. */
const constantParts = new Map<string, ZipBlock>();
const CONSTANT_PARTS_MAX = 256;
const VARYING = new Set(['word/document.xml', 'docProps/core.xml']);

export function zipBlock(entry: ZipEntry): ZipBlock {
  const cacheable = typeof entry.data === 'string' && !VARYING.has(entry.name) && entry.data.length < 65_536;
  const key = cacheable ? `${entry.name}\u0000${entry.store ? 's' : 'd'}\u0000${entry.data}` : '';
  if (cacheable) {
    const hit = constantParts.get(key);
    if (hit) return hit;
  }
  const bytes = typeof entry.data === 'string' ? Buffer.from(entry.data, 'utf8') : entry.data;
  const block: ZipBlock = {
    name: Buffer.from(entry.name, 'utf8'),
    method: entry.store ? 0 : 8,
    crc: crc32(bytes) >>> 0,
    size: bytes.length,
    compressed: entry.store ? bytes : deflateRawSync(bytes, { level: 6 }),
  };
  if (cacheable) {
    if (constantParts.size >= CONSTANT_PARTS_MAX) constantParts.clear();
    constantParts.set(key, block);
  }
  return block;
}

/** MS-DOS date and time of an instant, in UTC. */
function dosDateTime(at: Date): { date: number; time: number } {
  const year = Math.min(Math.max(at.getUTCFullYear(), 1980), 2107);
  return {
    date: ((year - 1980) << 9) | ((at.getUTCMonth() + 1) << 5) | at.getUTCDate(),
    time: (at.getUTCHours() << 11) | (at.getUTCMinutes() << 5) | (at.getUTCSeconds() >> 1),
  };
}

const FLAG_UTF8 = 0x0800;
const U32 = 0xffffffff;

/**
 * Writes a zip a block at a time through `write` (a file, or chunks gathered in memory), keeping
 * only the central directory's records (about 50 bytes an entry plus the name).
 */
export class ZipWriter {
  private offset = 0;
  private readonly central: Buffer[] = [];
  private count = 0;
  private readonly dos: { date: number; time: number };

  constructor(
    private readonly write: (chunk: Uint8Array) => void,
    at: Date,
  ) {
    this.dos = dosDateTime(at);
  }

  add(block: ZipBlock): void {
    if (block.size >= U32 || block.compressed.length >= U32) throw new Error(`zip: ${block.name} is too large`);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(FLAG_UTF8, 6);
    local.writeUInt16LE(block.method, 8);
    local.writeUInt16LE(this.dos.time, 10);
    local.writeUInt16LE(this.dos.date, 12);
    local.writeUInt32LE(block.crc, 14);
    local.writeUInt32LE(block.compressed.length, 18);
    local.writeUInt32LE(block.size, 22);
    local.writeUInt16LE(block.name.length, 26);
    local.writeUInt16LE(0, 28);
    const offset = this.offset;
    this.write(local);
    this.write(block.name);
    this.write(block.compressed);
    this.offset += 30 + block.name.length + block.compressed.length;
    // Central directory record; a ZIP64 extra field carries an offset past 4 GiB.
    const far = offset >= U32;
    const central = Buffer.alloc(46 + (far ? 12 : 0));
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(far ? 45 : 20, 4);
    central.writeUInt16LE(far ? 45 : 20, 6);
    central.writeUInt16LE(FLAG_UTF8, 8);
    central.writeUInt16LE(block.method, 10);
    central.writeUInt16LE(this.dos.time, 12);
    central.writeUInt16LE(this.dos.date, 14);
    central.writeUInt32LE(block.crc, 16);
    central.writeUInt32LE(block.compressed.length, 20);
    central.writeUInt32LE(block.size, 24);
    central.writeUInt16LE(block.name.length, 28);
    central.writeUInt16LE(far ? 12 : 0, 30);
    central.writeUInt32LE(far ? U32 : offset, 42);
    if (far) {
      central.writeUInt16LE(0x0001, 46);
      central.writeUInt16LE(8, 48);
      central.writeBigUInt64LE(BigInt(offset), 50);
    }
    this.central.push(Buffer.concat([central.subarray(0, 46), block.name, central.subarray(46)]));
    this.count++;
  }

  /** Writes the central directory and the end records; the zip is complete after it. */
  finish(): void {
    const start = this.offset;
    let size = 0;
    for (const record of this.central) {
      this.write(record);
      size += record.length;
    }
    this.offset += size;
    const zip64 = this.count >= 0xffff || start >= U32 || this.offset >= U32;
    if (zip64) {
      const end64 = Buffer.alloc(56);
      end64.writeUInt32LE(0x06064b50, 0);
      end64.writeBigUInt64LE(44n, 4);
      end64.writeUInt16LE(45, 12);
      end64.writeUInt16LE(45, 14);
      end64.writeBigUInt64LE(BigInt(this.count), 24);
      end64.writeBigUInt64LE(BigInt(this.count), 32);
      end64.writeBigUInt64LE(BigInt(size), 40);
      end64.writeBigUInt64LE(BigInt(start), 48);
      const locator = Buffer.alloc(20);
      locator.writeUInt32LE(0x07064b50, 0);
      locator.writeBigUInt64LE(BigInt(this.offset), 8);
      locator.writeUInt32LE(1, 16);
      this.write(end64);
      this.write(locator);
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(zip64 ? 0xffff : this.count, 8);
    end.writeUInt16LE(zip64 ? 0xffff : this.count, 10);
    end.writeUInt32LE(zip64 ? U32 : size, 12);
    end.writeUInt32LE(zip64 ? U32 : start, 16);
    this.write(end);
    this.central.length = 0;
  }
}

/** A whole zip in memory, entries in the given order, every entry dated `at`. */
export function zipSync(entries: ZipEntry[], at: Date): Buffer {
  const chunks: Uint8Array[] = [];
  const zip = new ZipWriter((c) => chunks.push(c), at);
  for (const e of entries) zip.add(zipBlock(e));
  zip.finish();
  return Buffer.concat(chunks);
}
