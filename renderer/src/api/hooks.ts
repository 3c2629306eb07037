// react-query hooks, one per operation. Every write to the register invalidates the register's
// queries (list and details), since a change to a person changes the list's counts and flags.
import { type QueryKey, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Input, Method, Output } from '../../../common/contract';
import { invoke } from './client';

export const keys = {
  settings: ['settings'] as const,
  appInfo: ['app.info'] as const,
  departments: ['departments'] as const,
  departmentList: (filter: Input<'departments.list'>) => ['departments', 'list', filter] as const,
  department: (id: string) => ['departments', 'get', id] as const,
};

/** The settings query, shared by the hook and the start-up prefetch (main.tsx). */
export const settingsQuery = { queryKey: keys.settings, queryFn: () => invoke('settings.get', {}) };

export function useSettings() {
  return useQuery(settingsQuery);
}

export function useAppInfo() {
  return useQuery({ queryKey: keys.appInfo, queryFn: () => invoke('app.info', {}) });
}

export function useDepartments(filter: Input<'departments.list'>) {
  return useQuery({
    queryKey: keys.departmentList(filter),
    queryFn: () => invoke('departments.list', filter),
    placeholderData: (previous) => previous,
  });
}

export function useDepartment(id: string) {
  return useQuery({ queryKey: keys.department(id), queryFn: () => invoke('departments.get', { id }) });
}

function useApiMutation<M extends Method>(method: M, invalidates: QueryKey) {
  const client = useQueryClient();
  return useMutation<Output<M>, Error, Input<M>>({
    mutationFn: (input) => invoke(method, input),
    // Not awaited: the form closes at once and the page refreshes when the data arrives.
    onSuccess: () => void client.invalidateQueries({ queryKey: invalidates }),
  });
}

export function useUpdateSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: Input<'settings.update'>) => invoke('settings.update', input),
    onSuccess: (settings) => client.setQueryData(keys.settings, settings),
  });
}

export const useCreateDepartment = () => useApiMutation('departments.create', keys.departments);
export const useUpdateDepartment = () => useApiMutation('departments.update', keys.departments);
export const useMergeDepartment = () => useApiMutation('departments.merge', keys.departments);
export const useArchiveDepartment = () => useApiMutation('departments.archive', keys.departments);
export const useRestoreDepartment = () => useApiMutation('departments.restore', keys.departments);
export const useRemoveDepartment = () => useApiMutation('departments.remove', keys.departments);
export const useCreatePerson = () => useApiMutation('people.create', keys.departments);
export const useUpdatePerson = () => useApiMutation('people.update', keys.departments);
export const useArchivePerson = () => useApiMutation('people.archive', keys.departments);
export const useRemovePerson = () => useApiMutation('people.remove', keys.departments);
export const useCreateTraining = () => useApiMutation('trainings.create', keys.departments);
export const useRemoveTraining = () => useApiMutation('trainings.remove', keys.departments);
