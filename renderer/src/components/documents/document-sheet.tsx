// A document drawn like a page: title centred in a serif CJK face, body paragraphs indented two
// characters, 一、 headings bold and （一） headings in 楷体, signature right-aligned, the 附注 in
// parentheses and a red 草稿 mark until approval. A likeness of the .docx, not its exact layout.
import type { Block, RenderableDocument } from '../../../../common/document-model';
import { useT } from '../../i18n/use-t';

/** 2026-11-27 → 2026年11月27日, as the signature prints the date (GB/T 9704 uses Arabic numerals). */
export function chineseDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${Number(y)}年${Number(m)}月${Number(d)}日`;
}

function BlockView({ block }: { block: Block }) {
  switch (block.type) {
    case 'heading1':
      return <h2 className="doc-h1">{block.text}</h2>;
    case 'heading2':
      return <h3 className="doc-h2">{block.text}</h3>;
    case 'paragraph':
      return <p className="doc-p">{block.text}</p>;
    case 'table':
      return (
        <table className="doc-table">
          <thead>
            <tr>
              {block.header.map((h, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: cells have no identity but their place
                <th key={i}>{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {block.rows.map((row, r) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
              <tr key={r}>
                {row.map((cell, c) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: cells have no identity but their place
                  <td key={c}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
  }
}

export function DocumentSheet({
  doc,
  compact = false,
  testId = 'document-sheet',
}: {
  doc: RenderableDocument;
  compact?: boolean;
  testId?: string;
}) {
  const t = useT();
  return (
    <article className={`doc-sheet${compact ? ' doc-sheet-compact' : ''}`} data-testid={testId}>
      {doc.draft ? (
        <div className="doc-draft-mark" data-testid="draft-mark">
          {t('preview.draftMark')}
        </div>
      ) : null}
      <h1 className="doc-title">{doc.title}</h1>
      {doc.docNumber ? <div className="doc-number">{doc.docNumber}</div> : null}
      {doc.recipients ? <p className="doc-recipients">{doc.recipients}：</p> : null}
      {doc.blocks.length === 0 ? <p className="doc-empty">{t('preview.empty')}</p> : null}
      {doc.blocks.map((block, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: blocks are positional; the text may repeat
        <BlockView key={i} block={block} />
      ))}
      {doc.signature ? (
        <div className="doc-signature">
          <div>{doc.signature.office}</div>
          <div>{chineseDate(doc.signature.date)}</div>
        </div>
      ) : null}
      {doc.note ? (
        <p className="doc-note" data-testid="sheet-note">
          （{doc.note}）
        </p>
      ) : null}
    </article>
  );
}
