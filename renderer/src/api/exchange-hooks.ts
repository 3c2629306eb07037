// react-query hooks of the 材料交换 (exchange packs with departments), the roster import and the
// compliance sheet export. Accepting a returned pack changes documents and answers, so it refreshes
// those lists too; importing a roster refreshes the register.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Input, Method, Output } from '../../../common/contract';
import { invoke } from './client';

export const exchangeKeys = {
  packs: ['packs'] as const,
  packList: ['packs', 'list'] as const,
  pack: (id: string) => ['packs', 'get', id] as const,
  /** What a pack for the department would carry: its drafts and its 口径库 entries. */
  contents: (departmentId: string) => ['packs', 'contents', departmentId] as const,
};

export function usePacks() {
  return useQuery({ queryKey: exchangeKeys.packList, queryFn: () => invoke('packs.list', {}) });
}

export function usePack(id: string | null) {
  return useQuery({
    queryKey: exchangeKeys.pack(id ?? ''),
    queryFn: () => invoke('packs.get', { id: id ?? '' }),
    enabled: id !== null,
  });
}

/** The counts a pack for this department would hold, as packs.export selects them. */
export function usePackContents(departmentId: string | null) {
  return useQuery({
    queryKey: exchangeKeys.contents(departmentId ?? ''),
    enabled: departmentId !== null,
    staleTime: 0,
    queryFn: async () => {
      const id = departmentId ?? '';
      const [documents, answers] = await Promise.all([
        invoke('documents.list', { departmentId: id }),
        invoke('answers.list', { departmentId: id }),
      ]);
      return {
        documents: documents.filter((d) => d.status === 'draft' || d.status === 'returned').length,
        answers: answers.length,
      };
    },
  });
}

function useCall<M extends Method>(method: M, onSuccess?: (client: ReturnType<typeof useQueryClient>) => void) {
  const client = useQueryClient();
  return useMutation<Output<M>, Error, Input<M>>({
    mutationFn: (input) => invoke(method, input),
    onSuccess: () => onSuccess?.(client),
  });
}

const refreshPacks = (client: ReturnType<typeof useQueryClient>) =>
  void client.invalidateQueries({ queryKey: exchangeKeys.packs });

export const useExportPack = () => useCall('packs.export', refreshPacks);
export const useOpenPack = () => useCall('packs.open', refreshPacks);
export const useReturnPack = () => useCall('packs.return', refreshPacks);
/** Writes nothing: a mutation only because it is asked on demand, with a file. */
export const useComparePack = () => useCall('packs.compare');
export const useAcceptPack = () =>
  useCall('packs.accept', (client) => {
    refreshPacks(client);
    void client.invalidateQueries({ queryKey: ['documents'] });
    void client.invalidateQueries({ queryKey: ['answers'] });
  });

export function useSavePackItem() {
  const client = useQueryClient();
  return useMutation<Output<'packs.saveItem'>, Error, Input<'packs.saveItem'>>({
    mutationFn: (input) => invoke('packs.saveItem', input),
    onSuccess: (pack) => client.setQueryData(exchangeKeys.pack(pack.packId), pack),
  });
}

export const useRosterPreview = () => useCall('roster.preview');
export const useRosterImport = () =>
  useCall('roster.import', (client) => void client.invalidateQueries({ queryKey: ['departments'] }));

export const useExportCompliance = () => useCall('compliance.export');
