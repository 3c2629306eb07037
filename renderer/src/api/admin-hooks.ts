// react-query hooks of the audit trail and the backups. The trail grows with every write the app makes,
// so its queries are always refetched when a screen opens them; a restore replaces the whole database,
// so it invalidates every query.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Input } from '../../../common/contract';
import { invoke } from './client';

export type AuditQuery = Input<'audit.list'>;
export type AuditFilter = Input<'audit.export'>;

export const adminKeys = {
  audit: ['audit'] as const,
  auditPage: (query: AuditQuery) => ['audit', 'list', query] as const,
  auditFacets: ['audit', 'facets'] as const,
  backups: ['backups'] as const,
};

export function useAuditPage(query: AuditQuery) {
  return useQuery({
    queryKey: adminKeys.auditPage(query),
    queryFn: () => invoke('audit.list', query),
    placeholderData: (previous) => previous,
    staleTime: 0,
  });
}

export function useAuditFacets() {
  return useQuery({ queryKey: adminKeys.auditFacets, queryFn: () => invoke('audit.facets', {}), staleTime: 0 });
}

export function useExportAudit() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (filter: AuditFilter) => invoke('audit.export', filter),
    // The export is itself recorded in the trail.
    onSuccess: () => void client.invalidateQueries({ queryKey: adminKeys.audit }),
  });
}

export function useBackups() {
  return useQuery({ queryKey: adminKeys.backups, queryFn: () => invoke('backups.list', {}), staleTime: 0 });
}

export function useCreateBackup() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => invoke('backups.create', {}),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: adminKeys.backups });
      void client.invalidateQueries({ queryKey: adminKeys.audit });
    },
  });
}

export function useRestoreBackup() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => invoke('backups.restore', { name }),
    // The running app now serves another database: nothing cached is still true.
    onSuccess: () => client.invalidateQueries(),
  });
}
