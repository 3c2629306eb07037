// react-query hooks of conferences, attendance, media, planning, the calendar and compliance.
// A conference write changes what the dashboard, the matrix and the planner compute, so it refreshes
// all of them; a calendar or rule change refreshes what depends on working days or quotas.
import { type QueryKey, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Input, Method, Output } from '../../../common/contract';
import { invoke } from './client';

export const conferenceKeys = {
  conferences: ['conferences'] as const,
  media: ['media'] as const,
  topics: ['topics'] as const,
  compliance: ['compliance'] as const,
  dashboard: ['dashboard'] as const,
  calendar: ['calendar'] as const,
  rules: ['rules'] as const,
};

const CONFERENCE_WRITE: QueryKey[] = [
  conferenceKeys.conferences,
  conferenceKeys.dashboard,
  conferenceKeys.compliance,
  ['departments'],
];

export function useConferences(filter: Input<'conferences.list'>, enabled = true) {
  return useQuery({
    queryKey: ['conferences', 'list', filter],
    queryFn: () => invoke('conferences.list', filter),
    placeholderData: (previous) => previous,
    enabled,
  });
}

/** How many conferences a picker lists at a time (components/conference-picker.tsx). */
export const CONFERENCE_CHOICES = 50;

/**
 * Conferences to choose from: the newest first, or those whose title, topics or venue hold `search`; one page of
 * the list (the decade's whole list is 20,000 rows), with the count of all that match.
 */
export function useConferenceChoices(search: string, enabled = true) {
  return useQuery({
    queryKey: ['conferences', 'choices', search],
    queryFn: () => invoke('conferences.page', { ...(search ? { search } : {}), offset: 0, limit: CONFERENCE_CHOICES }),
    placeholderData: (previous) => previous,
    enabled,
  });
}

/** A conference's detail when there is an id, nothing otherwise. */
export function useConferenceIfAny(id: string | null | undefined) {
  return useQuery({
    queryKey: ['conferences', 'get', id ?? ''],
    queryFn: () => invoke('conferences.get', { id: id ?? '' }),
    enabled: Boolean(id),
  });
}

export function useConference(id: string) {
  return useQuery({ queryKey: ['conferences', 'get', id], queryFn: () => invoke('conferences.get', { id }) });
}

export function useMedia() {
  return useQuery({ queryKey: conferenceKeys.media, queryFn: () => invoke('media.list', {}) });
}

export function useTopics() {
  return useQuery({ queryKey: conferenceKeys.topics, queryFn: () => invoke('conferences.topics', {}) });
}

/** The dashboard query, shared by the hook and the start-up prefetch (main.tsx). */
export const dashboardQuery = { queryKey: ['dashboard', 'today'], queryFn: () => invoke('dashboard.get', {}) };

export function useDashboard() {
  return useQuery(dashboardQuery);
}

/** The office's today, as the app's clock says (the dashboard's as-of date). */
export function useToday(): string | null {
  return useDashboard().data?.asOf ?? null;
}

export function useCompliance(input: Input<'compliance.year'>) {
  return useQuery({
    queryKey: ['compliance', input],
    queryFn: () => invoke('compliance.year', input),
    placeholderData: (previous) => previous,
  });
}

export function useCalendarDays(from: string, to: string) {
  return useQuery({
    queryKey: ['calendar', from, to],
    queryFn: () => invoke('calendar.days', { from, to }),
    placeholderData: (previous) => previous,
  });
}

/** The office's own holiday and working-day decisions. */
export function useOverrides() {
  return useQuery({
    queryKey: [...conferenceKeys.calendar, 'overrides'],
    queryFn: () => invoke('calendar.overrides', {}),
  });
}

export function useRules() {
  return useQuery({ queryKey: conferenceKeys.rules, queryFn: () => invoke('rules.list', {}) });
}

/** The people of several departments at once (for speakers and attendees). */
export function useDepartmentDetails(ids: readonly string[]) {
  return useQueries({
    queries: ids.map((id) => ({
      queryKey: ['departments', 'get', id],
      queryFn: () => invoke('departments.get', { id }),
    })),
  });
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

export const useCreateConference = () => useWrite('conferences.create', CONFERENCE_WRITE);
export const useUpdateConference = () => useWrite('conferences.update', CONFERENCE_WRITE);
export const useCancelConference = () => useWrite('conferences.cancel', CONFERENCE_WRITE);
export const usePostponeConference = () => useWrite('conferences.postpone', CONFERENCE_WRITE);
export const useCheckIn = () => useWrite('conferences.checkIn', CONFERENCE_WRITE);
export const useSetTopics = () => useWrite('conferences.setTopics', [conferenceKeys.topics]);
export const useCreateMedia = () => useWrite('media.create', [conferenceKeys.media, conferenceKeys.conferences]);
export const useUpdateMedia = () => useWrite('media.update', [conferenceKeys.media, conferenceKeys.conferences]);
export const usePropose = () => useWrite('planner.propose', []);
export const useAcceptPlan = () => useWrite('planner.accept', CONFERENCE_WRITE);
export const useSetOverride = () =>
  useWrite('calendar.setOverride', [conferenceKeys.calendar, conferenceKeys.dashboard]);
export const useCreateRule = () =>
  useWrite('rules.create', [conferenceKeys.rules, conferenceKeys.compliance, conferenceKeys.dashboard]);
export const useRemoveRule = () =>
  useWrite('rules.remove', [conferenceKeys.rules, conferenceKeys.compliance, conferenceKeys.dashboard]);
