// 审核: 谁发布谁审查、谁审查谁负责. The steps the current user may take (the server's `allowed`), the
// approval with its 保密审查 and 会商确认, a return with the reason, and the record of every step.
import { Alert, App, Button, Card, Descriptions, Form, Input, Modal, Space, Timeline, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { DocumentDetail, ReviewAction, ReviewRecord } from '../../../../common/document-types';
import { LIMITS } from '../../../../common/text';
import { useReviewDocument } from '../../api/document-hooks';
import { apiErrorText } from '../../api/error-text';
import { formatTime } from '../../format-time';
import { type Translate, useT } from '../../i18n/use-t';
import type { MessageKey } from '../../i18n/zh-CN';
import { isOwnReviewRefusal } from './save-error';

const ACTION_COLOR: Record<ReviewAction, string> = {
  submit: 'blue',
  approve: 'green',
  return: 'red',
  release: 'purple',
  reopen: 'gray',
};

/** 撤回 while it waits for review; 重新编辑 once approved or released. */
export function reopenLabel(status: DocumentDetail['status']): MessageKey {
  return status === 'submitted' ? 'review.action.reopen' : 'review.action.reedit';
}

function reviewError(err: unknown, t: Translate, userName: string): string {
  return isOwnReviewRefusal(err) ? t('review.ownDocument', { name: userName }) : apiErrorText(err, t);
}

/** The steps taken with a confirmation only (submit, release, reopen), shared with the editor's banner. */
export function useSimpleReviewSteps(doc: DocumentDetail, userName: string) {
  const t = useT();
  const { modal, message } = App.useApp();
  const review = useReviewDocument();

  const run = async (action: 'submit' | 'release' | 'reopen') => {
    try {
      await review.mutateAsync({ id: doc.id, action });
      message.success(t(`review.done.${action}`));
    } catch (err) {
      message.error(reviewError(err, t, userName));
    }
  };
  const confirm = (action: 'submit' | 'release' | 'reopen', content: string) =>
    modal.confirm({
      title: action === 'reopen' ? t(reopenLabel(doc.status)) : t(`review.action.${action}`),
      content,
      okText: action === 'reopen' ? t(reopenLabel(doc.status)) : t(`review.action.${action}`),
      okButtonProps: { ...{ 'data-testid': `confirm-${action}` } },
      cancelText: t('common.cancel'),
      onOk: () => run(action),
    });

  return {
    pending: review.isPending,
    submit: () => confirm('submit', t('review.submitConfirm', { title: doc.title })),
    release: () => confirm('release', t('review.releaseConfirm', { title: doc.title })),
    reopen: () =>
      confirm(
        'reopen',
        t(doc.status === 'submitted' ? 'review.reopenConfirm.submitted' : 'review.reopenConfirm.final'),
      ),
  };
}

interface PanelProps {
  doc: DocumentDetail;
  userName: string;
  /** The editor holds changes not yet saved: submitting now would send the saved version. */
  dirty: boolean;
}

export function ReviewPanel({ doc, userName, dirty }: PanelProps) {
  const t = useT();
  const steps = useSimpleReviewSteps(doc, userName);
  const [dialog, setDialog] = useState<'approve' | 'return' | null>(null);
  const can = (a: ReviewAction) => doc.allowed.includes(a);
  const ownSubmitted = doc.status === 'submitted' && doc.drafter === userName && !can('approve');

  return (
    <div className="review-grid" data-testid="review-panel">
      <div>
        <Card size="small" title={t('review.actions')} className="block">
          <Space orientation="vertical" style={{ width: '100%' }} size={12}>
            {ownSubmitted ? (
              <Alert
                type="info"
                showIcon
                title={t('review.ownDocument', { name: userName })}
                data-testid="own-document-note"
              />
            ) : null}
            {can('submit') && dirty ? <Alert type="warning" showIcon title={t('review.unsavedSubmit')} /> : null}
            {doc.allowed.length === 0 ? <Typography.Text type="secondary">{t('review.none')}</Typography.Text> : null}
            <Space wrap>
              {can('submit') ? (
                <Button type="primary" onClick={steps.submit} disabled={dirty} data-testid="review-submit">
                  {t('review.action.submit')}
                </Button>
              ) : null}
              {can('approve') ? (
                <Button type="primary" onClick={() => setDialog('approve')} data-testid="review-approve">
                  {t('review.action.approve')}
                </Button>
              ) : null}
              {can('return') ? (
                <Button danger onClick={() => setDialog('return')} data-testid="review-return">
                  {t('review.action.return')}
                </Button>
              ) : null}
              {can('release') ? (
                <Button type="primary" onClick={steps.release} data-testid="review-release">
                  {t('review.action.release')}
                </Button>
              ) : null}
              {can('reopen') ? (
                <Button onClick={steps.reopen} data-testid="review-reopen">
                  {t(reopenLabel(doc.status))}
                </Button>
              ) : null}
            </Space>
          </Space>
        </Card>
        <Card size="small" title={t('review.state')} className="block">
          <Descriptions
            size="small"
            column={1}
            data-testid="review-state"
            items={[
              { key: 'drafter', label: t('review.drafter'), children: doc.drafter ?? t('common.none') },
              { key: 'reviewer', label: t('review.reviewer'), children: doc.reviewer ?? t('common.none') },
              {
                key: 'reviewedAt',
                label: t('review.reviewedAt'),
                children: doc.reviewedAt ? formatTime(doc.reviewedAt) : t('common.none'),
              },
              {
                key: 'confidentiality',
                label: t('review.confidentiality'),
                children: doc.confidentialityBy ?? t('common.none'),
              },
              { key: 'agency', label: t('review.agency'), children: doc.agencyConfirmation ?? t('common.none') },
            ]}
          />
        </Card>
      </div>
      <Card size="small" title={t('review.history')} className="block">
        {doc.reviews.length === 0 ? (
          <Typography.Text type="secondary">{t('review.history.none')}</Typography.Text>
        ) : (
          <Timeline
            data-testid="review-history"
            items={doc.reviews.map((r) => ({
              key: r.id,
              color: ACTION_COLOR[r.action],
              content: <ReviewEntry r={r} />,
            }))}
          />
        )}
      </Card>
      <ApproveDialog open={dialog === 'approve'} doc={doc} userName={userName} onClose={() => setDialog(null)} />
      <ReturnDialog open={dialog === 'return'} doc={doc} userName={userName} onClose={() => setDialog(null)} />
    </div>
  );
}

function ReviewEntry({ r }: { r: ReviewRecord }) {
  const t = useT();
  const label = t(`review.record.${r.action}`);
  return (
    <div className="history-entry" data-testid="review-entry" data-action={r.action}>
      <div>
        <strong>{label}</strong>{' '}
        <span className="muted small">
          {r.actor} · {formatTime(r.at).slice(0, 16)} · {t('review.onVersion', { version: r.version })}
        </span>
      </div>
      {r.comment ? (
        <div className="pre-wrap">
          {t('review.comment')}：{r.comment}
        </div>
      ) : null}
      {r.confidentialityBy ? (
        <div>
          {t('review.confidentiality')}：{r.confidentialityBy}
        </div>
      ) : null}
      {r.agencyConfirmation ? (
        <div>
          {t('review.agency')}：{r.agencyConfirmation}
        </div>
      ) : null}
    </div>
  );
}

interface DialogProps {
  open: boolean;
  doc: DocumentDetail;
  userName: string;
  onClose: () => void;
}

function ApproveDialog({ open, doc, userName, onClose }: DialogProps) {
  const t = useT();
  const { message } = App.useApp();
  const review = useReviewDocument();
  const [confidentialityBy, setConfidentialityBy] = useState('');
  const [agency, setAgency] = useState('');
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    // Proposed, not assumed: the field stays required and the reviewer confirms or replaces the name.
    setConfidentialityBy(userName);
    setAgency('');
    setComment('');
    setMissing(false);
    setError(null);
  }, [open, userName]);

  const submit = () => {
    if (!confidentialityBy.trim()) {
      setMissing(true);
      return;
    }
    review.mutate(
      {
        id: doc.id,
        action: 'approve',
        confidentialityBy: confidentialityBy.trim(),
        agencyConfirmation: agency.trim() || null,
        comment: comment.trim() || null,
      },
      {
        onSuccess: () => {
          message.success(t('review.done.approve'));
          onClose();
        },
        onError: (err) => setError(reviewError(err, t, userName)),
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t('review.approve.title')}
      onCancel={onClose}
      onOk={submit}
      okText={t('review.action.approve')}
      okButtonProps={{ loading: review.isPending, ...{ 'data-testid': 'approve-submit' } }}
      cancelText={t('common.cancel')}
      destroyOnHidden
      data-testid="approve-dialog"
    >
      <Form layout="vertical" component="div">
        <Form.Item
          label={t('review.approve.confidentiality')}
          required
          extra={missing ? null : t('review.approve.confidentialityHint')}
          validateStatus={missing ? 'error' : ''}
          help={missing ? t('validation.required', { field: t('review.approve.confidentiality') }) : null}
        >
          <Input
            autoFocus
            value={confidentialityBy}
            maxLength={LIMITS.name}
            onChange={(e) => {
              setConfidentialityBy(e.target.value);
              setMissing(false);
            }}
            data-testid="approve-confidentiality"
          />
        </Form.Item>
        <Form.Item label={t('review.approve.agency')}>
          <Input
            value={agency}
            maxLength={LIMITS.shortText}
            placeholder={t('review.approve.agencyPlaceholder')}
            onChange={(e) => setAgency(e.target.value)}
            data-testid="approve-agency"
          />
        </Form.Item>
        <Form.Item label={t('review.approve.comment')}>
          <Input.TextArea
            value={comment}
            maxLength={LIMITS.notes}
            autoSize={{ minRows: 2, maxRows: 6 }}
            placeholder={t('review.approve.commentPlaceholder')}
            onChange={(e) => setComment(e.target.value)}
            data-testid="approve-comment"
          />
        </Form.Item>
      </Form>
      {error ? <Alert type="error" showIcon title={error} data-testid="approve-error" /> : null}
    </Modal>
  );
}

function ReturnDialog({ open, doc, userName, onClose }: DialogProps) {
  const t = useT();
  const { message } = App.useApp();
  const review = useReviewDocument();
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    setComment('');
    setMissing(false);
    setError(null);
  }, [open]);

  const submit = () => {
    if (!comment.trim()) {
      setMissing(true);
      return;
    }
    review.mutate(
      { id: doc.id, action: 'return', comment: comment.trim() },
      {
        onSuccess: () => {
          message.success(t('review.done.return'));
          onClose();
        },
        onError: (err) => setError(reviewError(err, t, userName)),
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t('review.return.title')}
      onCancel={onClose}
      onOk={submit}
      okText={t('review.action.return')}
      okButtonProps={{ danger: true, loading: review.isPending, ...{ 'data-testid': 'return-submit' } }}
      cancelText={t('common.cancel')}
      destroyOnHidden
      data-testid="return-dialog"
    >
      <Form layout="vertical" component="div">
        <Form.Item
          label={t('review.return.comment')}
          required
          extra={missing ? null : t('review.return.commentHint')}
          validateStatus={missing ? 'error' : ''}
          help={missing ? t('validation.required', { field: t('review.return.comment') }) : null}
        >
          <Input.TextArea
            autoFocus
            value={comment}
            maxLength={LIMITS.notes}
            autoSize={{ minRows: 3, maxRows: 8 }}
            onChange={(e) => {
              setComment(e.target.value);
              setMissing(false);
            }}
            data-testid="return-comment"
          />
        </Form.Item>
      </Form>
      {error ? <Alert type="error" showIcon title={error} data-testid="return-error" /> : null}
    </Modal>
  );
}
