// The shape a document has on its way to a file (.docx, portal HTML): blocks of text in reading
// order, with the parts GB/T 9704-2012 places (title, 主送, signature, date, 附注). Built from a
// stored document's body (see common/document-body.ts) or by code (the compliance sheet).

export type DocumentKind =
  | 'opening' // 发布词
  | 'qa' // 答问口径
  | 'release' // 新闻通稿
  | 'interpretation' // 政策解读
  | 'notice' // 会议通知
  | 'agenda' // 议程
  | 'transcript' // 文字实录
  | 'circular'; // 通报

export const DOCUMENT_KINDS: readonly DocumentKind[] = [
  'opening',
  'qa',
  'release',
  'interpretation',
  'notice',
  'agenda',
  'transcript',
  'circular',
];

export type Block =
  /** A body paragraph, first line indented two characters. Single line breaks inside are kept. */
  | { type: 'paragraph'; text: string }
  /** 一、… in 黑体. */
  | { type: 'heading1'; text: string }
  /** （一）… in 楷体. */
  | { type: 'heading2'; text: string }
  /** A table; the first row is the header. `widths` are relative column weights. */
  | { type: 'table'; header: string[]; rows: string[][]; widths?: number[] | undefined };

export interface RenderableDocument {
  title: string;
  /** 发文字号, e.g. 日新办发〔2026〕3号, printed under the title block when present. */
  docNumber?: string | null | undefined;
  /** 主送机关, the line before the body. */
  recipients?: string | null | undefined;
  blocks: Block[];
  /** 发文机关署名 and 成文日期 (YYYY-MM-DD), right-aligned after the body. */
  signature?: { office: string; date: string } | null | undefined;
  /** 附注: who drafted and reviewed; printed after the signature, in parentheses. */
  note?: string | null | undefined;
  /** Prints a visible 草稿 (draft) mark: a document not yet approved. */
  draft: boolean;
  /** Landscape pages (the compliance sheet's wide table). */
  landscape?: boolean | undefined;
  /** Written into the .docx core properties. */
  author?: string | null | undefined;
}
