// react-query hooks of the portal packages (网站同步), the disclosure metadata of an item, the channels a
// document went out through and the annual assessment (年度考核). An export changes the plan, the
// history, the items' 索引号, the documents' channels (政府网站 is recorded) and so the assessment.
import { type QueryKey, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Input, Method, Output } from '../../../common/contract';
import { invoke } from './client';

export const portalKeys = {
  all: ['portal'] as const,
  plan: ['portal', 'plan'] as const,
  history: ['portal', 'history'] as const,
  progress: ['portal', 'progress'] as const,
  entry: (documentId: string) => ['portal', 'entry', documentId] as const,
  assessment: ['assessment'] as const,
  /** Under ['documents'] so that a review action (which may end the document's final status) refreshes it. */
  channels: (documentId: string) => ['documents', 'channels', documentId] as const,
};

/** How often the progress of a running export is asked for. */
export const PROGRESS_INTERVAL_MS = 300;

export function usePortalPlan() {
  // Never served stale: a document approved on another screen changes it.
  return useQuery({ queryKey: portalKeys.plan, queryFn: () => invoke('portal.plan', {}), staleTime: 0 });
}

export function usePortalHistory() {
  return useQuery({ queryKey: portalKeys.history, queryFn: () => invoke('portal.history', {}) });
}

/** The running export's phase and count, asked for every 300 ms while `running`. */
export function usePortalProgress(running: boolean) {
  return useQuery({
    queryKey: portalKeys.progress,
    queryFn: () => invoke('portal.progress', {}),
    enabled: running,
    refetchInterval: running ? PROGRESS_INTERVAL_MS : false,
    staleTime: 0,
    gcTime: 0,
  });
}

export function usePortalEntry(documentId: string | null) {
  return useQuery({
    queryKey: portalKeys.entry(documentId ?? ''),
    queryFn: () => invoke('portal.entry', { documentId: documentId ?? '' }),
    enabled: documentId !== null,
    staleTime: 0,
  });
}

function usePortalWrite<M extends Method>(method: M, invalidates: QueryKey[]) {
  const client = useQueryClient();
  return useMutation<Output<M>, Error, Input<M>>({
    mutationFn: (input) => invoke(method, input),
    onSuccess: () => {
      for (const queryKey of invalidates) void client.invalidateQueries({ queryKey });
    },
  });
}

export const useUpdatePortalEntry = () => usePortalWrite('portal.updateEntry', [portalKeys.all]);
export const useExportPortal = () =>
  usePortalWrite('portal.export', [portalKeys.all, portalKeys.assessment, ['documents', 'channels']]);
/** Re-creating a past package changes no record. */
export const useRecreatePortal = () => usePortalWrite('portal.recreate', []);
/** Verifying reads files only. */
export const useVerifyPortal = () => usePortalWrite('portal.verify', []);

export function useDocumentChannels(documentId: string) {
  return useQuery({
    queryKey: portalKeys.channels(documentId),
    queryFn: () => invoke('documents.channels', { id: documentId }),
  });
}

export const useSetDocumentChannels = () =>
  usePortalWrite('documents.setChannels', [['documents', 'channels'], portalKeys.assessment]);

export function useAssessment(input: Input<'assessment.year'>, enabled = true) {
  return useQuery({
    queryKey: [...portalKeys.assessment, input],
    queryFn: () => invoke('assessment.year', input),
    placeholderData: (previous) => previous,
    enabled,
  });
}

/** Writing the sheet changes no record. */
export const useExportAssessment = () => usePortalWrite('assessment.export', []);
