// The office's particulars (发布机构, 发文字号, signature, export folder).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Input } from '../../../common/contract';
import { invoke } from './client';

export const officeKey = ['office'] as const;

export function useOffice() {
  return useQuery({ queryKey: officeKey, queryFn: () => invoke('office.get', {}) });
}

export function useUpdateOffice() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (fields: Input<'office.update'>) => invoke('office.update', fields),
    onSuccess: (value) => client.setQueryData(officeKey, value),
  });
}
