// One clean HTML page per portal item: semantic elements, inline styles only, no scripts, no
// external resources, everything escaped. The portal's own templates style it further.
import { parseBody } from '../../common/document-body';
import { xmlSafe } from '../../common/xml-text';
import { chineseDate } from '../documents';
import type { ManifestItem } from './manifest';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return xmlSafe(text).replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
}

const lines = (text: string) => escapeHtml(text).replace(/\n/g, '<br>');

// Attribute values are double-quoted: font names inside them take single quotes.
const S = {
  body: "margin:0;padding:24px;background:#fff;color:#222;font-family:'FangSong','仿宋',serif;font-size:16px;line-height:1.8",
  article: 'max-width:800px;margin:0 auto',
  h1: "font-family:'SimSun','宋体',serif;font-size:24px;text-align:center;margin:0 0 12px",
  number: 'text-align:center;margin:0 0 16px',
  meta: 'width:100%;border-collapse:collapse;margin:0 0 24px;font-size:14px',
  th: 'border:1px solid #ccc;padding:4px 8px;background:#f5f5f5;text-align:left;white-space:nowrap',
  td: 'border:1px solid #ccc;padding:4px 8px',
  h2: "font-family:'SimHei','黑体',sans-serif;font-size:16px;margin:16px 0 8px",
  h3: "font-family:'KaiTi','楷体',serif;font-size:16px;margin:12px 0 8px",
  p: 'text-indent:2em;margin:0 0 8px',
  signature: 'text-align:right;margin:24px 0 0',
};

export interface HtmlSource {
  item: Pick<ManifestItem, 'title' | 'metadata' | 'column'>;
  body: string;
  signature: { office: string; date: string } | null;
}

export function itemHtml({ item, body, signature }: HtmlSource): string {
  const m = item.metadata;
  const meta: [string, string][] = [
    ['索引号', m.indexNo],
    ['发布机构', m.publisher],
    ['生成日期', m.generatedDate],
    ...(m.docNumber ? [['文号', m.docNumber] as [string, string]] : []),
    ['主题分类', m.topicCategory],
    ['公开属性', m.disclosure],
    ['栏目', item.column],
  ];
  const content = parseBody(body)
    .map((b) => {
      switch (b.type) {
        case 'heading1':
          return `<h2 style="${S.h2}">${lines(b.text)}</h2>`;
        case 'heading2':
          return `<h3 style="${S.h3}">${lines(b.text)}</h3>`;
        case 'paragraph':
          return `<p style="${S.p}">${lines(b.text)}</p>`;
        case 'table':
          return `<table style="${S.meta}"><thead><tr>${b.header.map((h) => `<th style="${S.th}">${lines(h)}</th>`).join('')}</tr></thead><tbody>${b.rows.map((r) => `<tr>${r.map((c) => `<td style="${S.td}">${lines(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
      }
      return '';
    })
    .join('\n');
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${escapeHtml(item.title)}</title>
</head>
<body style="${S.body}">
<article style="${S.article}">
<header>
<h1 style="${S.h1}">${escapeHtml(item.title)}</h1>
${m.docNumber ? `<p style="${S.number}">${escapeHtml(m.docNumber)}</p>\n` : ''}<table style="${S.meta}">
<tbody>
${meta.map(([k, v]) => `<tr><th scope="row" style="${S.th}">${k}</th><td style="${S.td}">${escapeHtml(v)}</td></tr>`).join('\n')}
</tbody>
</table>
</header>
<section>
${content}
</section>
${signature ? `<footer style="${S.signature}">\n<p>${escapeHtml(signature.office)}</p>\n<p><time datetime="${signature.date}">${escapeHtml(chineseDate(signature.date))}</time></p>\n</footer>\n` : ''}</article>
</body>
</html>
`;
}
