// A RenderableDocument as a .docx laid out to GB/T 9704-2012 党政机关公文格式: the page and grid
// of layout.ts, the typefaces of fonts.ts, the parts in the order of body.ts.
import { Document, DocumentGridType, Packer, PageOrientation } from 'docx';
import type { RenderableDocument } from '../../common/document-model';
import { xmlSafe } from '../../common/xml-text';
import { bodyBlocks, noteLine, recipientsLine, signatureBlock, titleBlock } from './body';
import { BODY_FONT } from './fonts';
import { BODY_PT, CHAR_SPACE, footerDistance, HEADER_DISTANCE, LINE_PITCH, pageGeometry } from './layout';
import { finishParts, zipSync } from './package';
import { DRAFT_MARK, draftHeaders, pageNumberFooters } from './page-furniture';
import { runProperties } from './runs';

export interface RenderDocxOptions {
  /**
   * The time written as the document's created and modified dates (and its zip entries' dates).
   * Defaults to now; give one for the same bytes from the same document.
   */
  at?: Date | undefined;
}

export { DOCX_RENDERER_VERSION } from './version';

interface DocxCompiler {
  compile(file: Document): Map<string, string | Uint8Array>;
}

/** docx's compiler gives the package's parts as text synchronously; its Packer only zips them. */
function compiler(): DocxCompiler {
  const c = (Packer as unknown as { compiler?: DocxCompiler }).compiler;
  if (!c || typeof c.compile !== 'function') throw new Error('docx: Packer.compiler.compile is not available');
  return c;
}

export async function renderDocx(doc: RenderableDocument, options: RenderDocxOptions = {}): Promise<Buffer> {
  return renderDocxSync(doc, options);
}

/** renderDocx without the promise: a few milliseconds of CPU, for callers inside a transaction. */
export function renderDocxSync(doc: RenderableDocument, options: RenderDocxOptions = {}): Buffer {
  const at = options.at ?? new Date();
  const page = pageGeometry(doc.landscape === true);
  // Core properties are one-line fields.
  const title = xmlSafe(doc.title).replace(/\s+/g, ' ').trim();
  const author = xmlSafe(doc.author ?? '')
    .replace(/\s+/g, ' ')
    .trim();

  const document = new Document({
    title: doc.draft ? `${title}（${DRAFT_MARK}）` : title,
    ...(doc.draft ? { description: `${DRAFT_MARK}：未经审定，不得印发或对外发布。` } : {}),
    creator: author,
    lastModifiedBy: author,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        // The grid's charSpace counts from this size (layout.ts): it must stay 3号.
        document: {
          run: { ...runProperties({ font: BODY_FONT, pt: BODY_PT }), language: { value: 'zh-CN', eastAsia: 'zh-CN' } },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            // docx writes a landscape page's w:w and w:h swapped: give it the upright size.
            size: {
              width: page.landscape ? page.height : page.width,
              height: page.landscape ? page.width : page.height,
              orientation: page.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
            },
            margin: {
              top: page.top,
              bottom: page.bottom,
              left: page.left,
              right: page.right,
              header: HEADER_DISTANCE,
              footer: footerDistance(page.bottom),
              gutter: 0,
            },
          },
          grid: { type: DocumentGridType.LINES_AND_CHARS, linePitch: LINE_PITCH, charSpace: CHAR_SPACE },
        },
        footers: pageNumberFooters(),
        ...(doc.draft ? { headers: draftHeaders() } : {}),
        children: [
          ...titleBlock(doc),
          ...recipientsLine(doc.recipients),
          ...bodyBlocks(doc.blocks, page.textWidth),
          ...signatureBlock(doc.signature),
          ...noteLine(doc.note),
        ],
      },
    ],
  });
  return zipSync(finishParts(compiler().compile(document), at), at);
}
