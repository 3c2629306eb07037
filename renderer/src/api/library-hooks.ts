// react-query hooks of the answer library (口径库) and the document templates (文稿模板).
// A write refreshes its own lists; a template preview is never served from cache, since it is
// filled from records (the office's name, a conference) that other screens change.
import { type QueryKey, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Input, Method, Output } from '../../../common/contract';
import { invoke } from './client';

export const libraryKeys = {
  answers: ['answers'] as const,
  answerList: (filter: Input<'answers.list'>) => ['answers', 'list', filter] as const,
  answerVersions: (id: string) => ['answers', 'versions', id] as const,
  templates: ['templates'] as const,
  templateList: ['templates', 'list'] as const,
  templatePreview: (input: Input<'templates.preview'>) => ['templates', 'preview', input] as const,
};

export function useAnswers(filter: Input<'answers.list'>) {
  return useQuery({
    queryKey: libraryKeys.answerList(filter),
    queryFn: () => invoke('answers.list', filter),
    placeholderData: (previous) => previous,
  });
}

export function useAnswerVersions(id: string | null) {
  return useQuery({
    queryKey: libraryKeys.answerVersions(id ?? ''),
    queryFn: () => invoke('answers.versions', { id: id ?? '' }),
    enabled: id !== null,
  });
}

export function useTemplates() {
  return useQuery({ queryKey: libraryKeys.templateList, queryFn: () => invoke('templates.list', {}) });
}

export function useTemplatePreview(input: Input<'templates.preview'>, enabled = true) {
  return useQuery({
    queryKey: libraryKeys.templatePreview(input),
    queryFn: () => invoke('templates.preview', input),
    placeholderData: (previous) => previous,
    staleTime: 0,
    enabled,
  });
}

/** A department with its people, for picking a person; nothing is asked until one is chosen. */
export function useDepartmentPeople(id: string | null) {
  return useQuery({
    queryKey: ['departments', 'get', id ?? ''],
    queryFn: () => invoke('departments.get', { id: id ?? '' }),
    enabled: id !== null,
  });
}

function useWrite<M extends Method>(method: M, invalidates: QueryKey) {
  const client = useQueryClient();
  return useMutation<Output<M>, Error, Input<M>>({
    mutationFn: (input) => invoke(method, input),
    onSuccess: () => void client.invalidateQueries({ queryKey: invalidates }),
  });
}

export const useCreateAnswer = () => useWrite('answers.create', libraryKeys.answers);
export const useUpdateAnswer = () => useWrite('answers.update', libraryKeys.answers);
export const useReviewAnswer = () => useWrite('answers.review', libraryKeys.answers);
export const useArchiveAnswer = () => useWrite('answers.archive', libraryKeys.answers);
export const useCopyTemplate = () => useWrite('templates.copy', libraryKeys.templates);
export const useUpdateTemplate = () => useWrite('templates.update', libraryKeys.templates);
export const useRemoveTemplate = () => useWrite('templates.remove', libraryKeys.templates);
