// Which templates a new document of a kind may start from, and the one proposed.
import type { DocumentKind } from '../../../../common/document-model';
import type { TemplateView } from '../../../../common/document-types';

/** The template select's value for "no template". */
export const NO_TEMPLATE = '';

/** Templates that fit a kind; the compliance sheet's header also serves a 通报 (the server allows it). */
export function templatesFor(kind: DocumentKind, templates: readonly TemplateView[]): TemplateView[] {
  return templates.filter((tpl) => tpl.kind === kind || (kind === 'circular' && tpl.kind === 'compliance'));
}

/** A 答问口径 starts as structured talking points; other kinds start from their own built-in template. */
export function defaultTemplate(kind: DocumentKind, templates: readonly TemplateView[]): string {
  if (kind === 'qa') return NO_TEMPLATE;
  const own = templates.filter((tpl) => tpl.kind === kind);
  return (own.find((tpl) => tpl.builtin) ?? own[0])?.id ?? NO_TEMPLATE;
}
