// The editor's "发布会、部门和发布信息" panel: the links and publication particulars of a document
// being edited (the policy fields only for a 政策解读).
import { Col, Input, Row } from 'antd';
import type { DocumentDetail } from '../../../../common/document-types';
import { LIMITS } from '../../../../common/text';
import { useT } from '../../i18n/use-t';
import { DateField } from '../date-field';
import { ConferenceSelect, DepartmentSelect, PersonSelect, PortalColumnSelect } from './link-fields';
import type { DraftState } from './use-draft';

export function LinkFields({ doc, state, disabled }: { doc: DocumentDetail; state: DraftState; disabled: boolean }) {
  const t = useT();
  const { draft, change } = state;
  return (
    <div className="doc-links" data-testid="document-links">
      <Row gutter={[12, 8]}>
        <Col span={12}>
          <div className="doc-label">{t('document.field.conference')}</div>
          <ConferenceSelect
            value={draft.conferenceId}
            onChange={(conferenceId) => change({ conferenceId })}
            disabled={disabled}
            fallbackLabel={doc.conferenceTitle ? `${doc.conferenceDate ?? ''} ${doc.conferenceTitle}` : null}
            testId="edit-conference"
          />
        </Col>
        <Col span={6}>
          <div className="doc-label">{t('document.field.department')}</div>
          <DepartmentSelect
            value={draft.departmentId}
            onChange={(departmentId) => change({ departmentId, personId: null })}
            disabled={disabled}
            fallbackLabel={doc.departmentName}
            testId="edit-department"
          />
        </Col>
        <Col span={6}>
          <div className="doc-label">{t('document.field.person')}</div>
          <PersonSelect
            departmentId={draft.departmentId}
            value={draft.personId}
            onChange={(personId) => change({ personId })}
            disabled={disabled}
            fallbackLabel={doc.personName}
            testId="edit-person"
          />
        </Col>
        <Col span={12}>
          <div className="doc-label">{t('document.field.docNumber')}</div>
          <Input
            value={draft.docNumber ?? ''}
            onChange={(e) => change({ docNumber: e.target.value })}
            maxLength={LIMITS.shortText}
            disabled={disabled}
            data-testid="edit-doc-number"
          />
        </Col>
        <Col span={12}>
          <div className="doc-label">{t('document.field.portalColumn')}</div>
          <PortalColumnSelect
            value={draft.portalColumn}
            onChange={(portalColumn) => change({ portalColumn })}
            disabled={disabled}
            testId="edit-portal-column"
          />
        </Col>
        {doc.kind === 'interpretation' ? (
          <>
            <Col span={12}>
              <div className="doc-label">{t('document.field.policyTitle')}</div>
              <Input
                value={draft.policyTitle ?? ''}
                onChange={(e) => change({ policyTitle: e.target.value })}
                maxLength={LIMITS.title}
                disabled={disabled}
                data-testid="edit-policy-title"
              />
            </Col>
            <Col span={6}>
              <div className="doc-label">{t('document.field.policyNumber')}</div>
              <Input
                value={draft.policyNumber ?? ''}
                onChange={(e) => change({ policyNumber: e.target.value })}
                maxLength={LIMITS.shortText}
                disabled={disabled}
                data-testid="edit-policy-number"
              />
            </Col>
            <Col span={6}>
              <div className="doc-label">{t('document.field.policyDate')}</div>
              {disabled ? (
                <Input value={draft.policyDate ?? ''} disabled />
              ) : (
                <DateField value={draft.policyDate} onChange={(policyDate) => change({ policyDate })} />
              )}
            </Col>
          </>
        ) : null}
      </Row>
    </div>
  );
}
