// The draft of an open document: what the user typed, against the version they started from. A
// refreshed document (after a save elsewhere, a review step, a user switch) replaces an untouched
// draft; a draft with changes is kept, and the newer version is reported instead of overwriting it.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { DocumentDetail } from '../../../../common/document-types';
import { type Draft, draftOf, isDirty } from './draft';

export interface DraftState {
  /** The saved document the draft started from (its version is the one a save expects). */
  base: DocumentDetail;
  draft: Draft;
  dirty: boolean;
  /** A newer saved version than `base`, while the draft has changes. */
  newerVersion: number | null;
  change: (patch: Partial<Draft>) => void;
  /** Starts again from a saved document (after saving, reloading or discarding). */
  adopt: (saved: DocumentDetail) => void;
}

export function useDraft(current: DocumentDetail): DraftState {
  const [base, setBase] = useState(current);
  const [draft, setDraft] = useState(() => draftOf(current));
  const saved = useMemo(() => draftOf(base), [base]);
  const dirty = isDirty(draft, saved);

  useEffect(() => {
    if (current === base || dirty) return;
    setBase(current);
    setDraft(draftOf(current));
  }, [current, base, dirty]);

  const change = useCallback((patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch })), []);
  const adopt = useCallback((next: DocumentDetail) => {
    setBase(next);
    setDraft(draftOf(next));
  }, []);

  return {
    base,
    draft,
    dirty,
    newerVersion: dirty && current.version !== base.version ? current.version : null,
    change,
    adopt,
  };
}
