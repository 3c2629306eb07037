// 谁发布谁审查、谁审查谁负责: the review workflow of a document, as a pure state machine.
//   draft ──submit──▶ submitted ──approve──▶ approved ──release──▶ released
//     ▲                  │ return (comment)      │                    │
//     └── edit ◀─ returned ◀┘                    └──── reopen ────────┘ (back to draft)
// The reviewer is never the drafter. Content is edited only in draft or returned.
import type { DocumentStatus } from '../document-schemas';
import type { ReviewAction } from '../document-types';

const NEXT: Record<ReviewAction, { from: readonly DocumentStatus[]; to: DocumentStatus }> = {
  submit: { from: ['draft', 'returned'], to: 'submitted' },
  approve: { from: ['submitted'], to: 'approved' },
  return: { from: ['submitted'], to: 'returned' },
  release: { from: ['approved'], to: 'released' },
  reopen: { from: ['submitted', 'approved', 'released'], to: 'draft' },
};

export const REVIEW_ACTIONS = Object.keys(NEXT) as ReviewAction[];

export function isEditable(status: DocumentStatus): boolean {
  return status === 'draft' || status === 'returned';
}

/** Final documents export without the 草稿 mark. */
export function isFinal(status: DocumentStatus): boolean {
  return status === 'approved' || status === 'released';
}

/** Why `actor` may not take `action` now, or null when they may. */
export function refusal(
  action: ReviewAction,
  status: DocumentStatus,
  actor: string,
  drafter: string | null,
): string | null {
  const rule = NEXT[action];
  if (!rule.from.includes(status)) return `a ${status} document cannot be ${PAST[action]}`;
  if ((action === 'approve' || action === 'return') && drafter !== null && actor === drafter) {
    return `the drafter (${drafter}) cannot review their own document; another person must review it`;
  }
  return null;
}

export function nextStatus(action: ReviewAction): DocumentStatus {
  return NEXT[action].to;
}

export function allowedActions(status: DocumentStatus, actor: string, drafter: string | null): ReviewAction[] {
  return REVIEW_ACTIONS.filter((a) => refusal(a, status, actor, drafter) === null);
}

const PAST: Record<ReviewAction, string> = {
  submit: 'submitted',
  approve: 'approved',
  return: 'returned',
  release: 'released',
  reopen: 'reopened',
};
