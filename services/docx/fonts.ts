// The typefaces GB/T 9704 names, and what a reader without them should use instead.
//
// A run names one font per script (w:rFonts ascii/hAnsi/eastAsia/cs), so the fallbacks live in
// word/fontTable.xml, which describes every font the document names. Each entry carries:
// - w:altName, a comma-separated list of names to try, in order, when the font is not installed
//   (ECMA-376 §17.8.3.1): 方正小标宋简体 → 华文中宋, 宋体, SimSun; 仿宋_GB2312 → 仿宋, FangSong; …
//   The Chinese and the English names are both given: Windows registers 宋体 as both, other systems
//   may know only one of them.
// - w:panose1, w:charset 86 (GB2312), w:family, w:pitch and w:sig as Word itself writes them for
//   these fonts, so that where no name matches, Word and WPS substitute a Chinese font of the same
//   kind (a Song/Fangsong serif, not Calibri) by metrics.
// The fallbacks themselves (华文中宋, 宋体, 仿宋, 楷体) get entries too, so their descriptions are
// at hand when they are the ones used.

export const TITLE_FONT = '方正小标宋简体';
export const BODY_FONT = '仿宋_GB2312';
export const HEADING1_FONT = '黑体';
export const HEADING2_FONT = '楷体_GB2312';
export const PAGE_NUMBER_FONT = '宋体';

interface FontEntry {
  name: string;
  altNames: readonly string[];
  panose: string;
  family: 'auto' | 'modern' | 'roman' | 'swiss';
  pitch: 'variable' | 'fixed' | 'default';
  /** usb0 usb1 usb2 usb3 csb0 csb1 */
  sig: readonly [string, string, string, string, string, string];
}

// Unicode ranges of a GB2312 font (CJK, CJK symbols, full-width forms) and its code page (936).
const GB_SIG = ['00000001', '080E0000', '00000000', '00000000', '00040000', '00000000'] as const;
// Windows' 宋体/黑体/仿宋/楷体, which cover more (Latin, GBK) and code pages 1252 and 936.
const WINDOWS_CJK_SIG = ['800002BF', '38CF7CFA', '00000016', '00000000', '00040001', '00000000'] as const;

export const FONT_TABLE: readonly FontEntry[] = [
  {
    name: TITLE_FONT,
    altNames: ['华文中宋', '宋体', 'SimSun'],
    panose: '02000000000000000000',
    family: 'auto',
    pitch: 'variable',
    sig: GB_SIG,
  },
  {
    name: '华文中宋',
    altNames: ['STZhongsong', '宋体', 'SimSun'],
    panose: '02010600040101010101',
    family: 'auto',
    pitch: 'variable',
    sig: ['00000287', '080F0000', '00000000', '00000000', '0004009F', '00000000'],
  },
  {
    name: '宋体',
    altNames: ['SimSun'],
    panose: '02010600030101010101',
    family: 'auto',
    pitch: 'variable',
    sig: ['00000003', '288F0000', '00000016', '00000000', '00040001', '00000000'],
  },
  {
    name: BODY_FONT,
    altNames: ['仿宋', 'FangSong'],
    panose: '02010609030101010101',
    family: 'modern',
    pitch: 'fixed',
    sig: GB_SIG,
  },
  {
    name: '仿宋',
    altNames: ['FangSong'],
    panose: '02010609060101010101',
    family: 'modern',
    pitch: 'fixed',
    sig: WINDOWS_CJK_SIG,
  },
  {
    name: HEADING1_FONT,
    altNames: ['SimHei'],
    panose: '02010609060101010101',
    family: 'modern',
    pitch: 'fixed',
    sig: WINDOWS_CJK_SIG,
  },
  {
    name: HEADING2_FONT,
    altNames: ['楷体', 'KaiTi'],
    panose: '02010609030101010101',
    family: 'modern',
    pitch: 'fixed',
    sig: GB_SIG,
  },
  {
    name: '楷体',
    altNames: ['KaiTi'],
    panose: '02010609060101010101',
    family: 'modern',
    pitch: 'fixed',
    sig: WINDOWS_CJK_SIG,
  },
];

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** word/fontTable.xml. The names are the literals above, which hold nothing XML would need escaped. */
export function fontTableXml(): string {
  const fonts = FONT_TABLE.map((font) => {
    const [usb0, usb1, usb2, usb3, csb0, csb1] = font.sig;
    return (
      `<w:font w:name="${font.name}">` +
      `<w:altName w:val="${font.altNames.join(',')}"/>` +
      `<w:panose1 w:val="${font.panose}"/>` +
      '<w:charset w:val="86"/>' +
      `<w:family w:val="${font.family}"/>` +
      `<w:pitch w:val="${font.pitch}"/>` +
      `<w:sig w:usb0="${usb0}" w:usb1="${usb1}" w:usb2="${usb2}" w:usb3="${usb3}" w:csb0="${csb0}" w:csb1="${csb1}"/>` +
      '</w:font>'
    );
  }).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:fonts xmlns:w="${W}" xmlns:r="${R}">${fonts}</w:fonts>`;
}
