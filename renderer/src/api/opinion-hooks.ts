// react-query hooks of the public-opinion register (舆情). An item's write changes the dashboard's
// alerts and the response figures, so it refreshes both; planning a conference from an item also
// refreshes everything that counts conferences (list, matrix, dashboard).
import { type QueryKey, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Input, Method, Output } from '../../../common/contract';
import { invoke } from './client';

export const opinionKeys = {
  all: ['opinions'] as const,
  list: (filter: Input<'opinions.list'>) => ['opinions', 'list', filter] as const,
  detail: (id: string) => ['opinions', 'get', id] as const,
  stats: (year: number) => ['opinions', 'stats', year] as const,
  grades: ['opinions', 'grades'] as const,
};

const OPINION_WRITE: QueryKey[] = [opinionKeys.all, ['dashboard'], ['assessment']];
const CONFERENCE_WRITE: QueryKey[] = [...OPINION_WRITE, ['conferences'], ['compliance'], ['topics']];

export function useOpinions(filter: Input<'opinions.list'>) {
  return useQuery({
    queryKey: opinionKeys.list(filter),
    queryFn: () => invoke('opinions.list', filter),
    placeholderData: (previous) => previous,
  });
}

export function useOpinion(id: string | null) {
  return useQuery({
    queryKey: opinionKeys.detail(id ?? ''),
    queryFn: () => invoke('opinions.get', { id: id ?? '' }),
    enabled: id !== null,
  });
}

export function useOpinionStats(year: number) {
  return useQuery({
    queryKey: opinionKeys.stats(year),
    queryFn: () => invoke('opinions.stats', { year }),
    placeholderData: (previous) => previous,
  });
}

/** The office's grades: definitions and deadline hours (分级标准). */
export function useOpinionGrades() {
  return useQuery({ queryKey: opinionKeys.grades, queryFn: () => invoke('opinions.grades', {}) });
}

function useWrite<M extends Method>(method: M, invalidates: readonly QueryKey[]) {
  const client = useQueryClient();
  return useMutation<Output<M>, Error, Input<M>>({
    mutationFn: (input) => invoke(method, input),
    onSuccess: () => {
      for (const queryKey of invalidates) void client.invalidateQueries({ queryKey });
    },
  });
}

export const useCreateOpinion = () => useWrite('opinions.create', OPINION_WRITE);
export const useUpdateOpinion = () => useWrite('opinions.update', OPINION_WRITE);

/** The deleted item's own query goes first, so that nothing asks the server for it again. */
export function useRemoveOpinion() {
  const client = useQueryClient();
  return useMutation<Output<'opinions.remove'>, Error, Input<'opinions.remove'>>({
    mutationFn: (input) => invoke('opinions.remove', input),
    onSuccess: ({ id }) => {
      client.removeQueries({ queryKey: opinionKeys.detail(id) });
      for (const queryKey of OPINION_WRITE) void client.invalidateQueries({ queryKey });
    },
  });
}
export const useOpinionConference = () => useWrite('opinions.conference', CONFERENCE_WRITE);
// A grade's hours set the deadline of items saved from now on; the list's deadlines stay as saved.
export const useSetOpinionGrades = () => useWrite('opinions.setGrades', [opinionKeys.grades]);
