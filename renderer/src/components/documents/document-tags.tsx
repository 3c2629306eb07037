// Status and kind tags of documents, the same colours on the list and the document page.
import { Tag } from 'antd';
import type { DocumentKind } from '../../../../common/document-model';
import type { DocumentStatus } from '../../../../common/document-schemas';
import { useT } from '../../i18n/use-t';

export const STATUS_COLOR: Record<DocumentStatus, string> = {
  draft: 'default',
  submitted: 'gold',
  approved: 'green',
  returned: 'red',
  released: 'blue',
};

export function DocumentStatusTag({ status }: { status: DocumentStatus }) {
  const t = useT();
  return (
    <Tag color={STATUS_COLOR[status]} data-testid="document-status" data-status={status}>
      {t(`document.status.${status}`)}
    </Tag>
  );
}

export function DocumentKindTag({ kind }: { kind: DocumentKind }) {
  const t = useT();
  const label = t(`document.kind.${kind}`);
  return (
    <Tag variant="outlined" className="document-kind-tag" title={label}>
      {label}
    </Tag>
  );
}
