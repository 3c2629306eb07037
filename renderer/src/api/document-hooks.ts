// react-query hooks of documents (发布材料). Every write refreshes everything under ['documents']:
// the list, the open document (its status, versions and `allowed` actions), the preview and diffs.
// The template list and the answer library are read here under the library's own keys, so that an
// edit made on those screens refreshes the pickers too.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Input, Method, Output } from '../../../common/contract';
import { invoke } from './client';

export const documentKeys = {
  all: ['documents'] as const,
  list: (filter: Input<'documents.list'>) => ['documents', 'list', filter] as const,
  page: (request: Input<'documents.page'>) => ['documents', 'page', request] as const,
  detail: (id: string) => ['documents', 'get', id] as const,
  preview: (id: string) => ['documents', 'preview', id] as const,
  diff: (id: string, from: number, to: number) => ['documents', 'diff', id, from, to] as const,
};

export function useDocuments(filter: Input<'documents.list'>) {
  return useQuery({
    queryKey: documentKeys.list(filter),
    queryFn: () => invoke('documents.list', filter),
    placeholderData: (previous) => previous,
  });
}

/** A page of the document list page; the page shown stays while the next one loads. */
export function useDocumentPage(request: Input<'documents.page'>) {
  return useQuery({
    queryKey: documentKeys.page(request),
    queryFn: () => invoke('documents.page', request),
    placeholderData: keepPreviousData,
  });
}

export function useDocument(id: string) {
  return useQuery({ queryKey: documentKeys.detail(id), queryFn: () => invoke('documents.get', { id }) });
}

/** The document as it prints; never served stale, since the office's signature and the clock feed it. */
export function useDocumentPreview(id: string, enabled = true) {
  return useQuery({
    queryKey: documentKeys.preview(id),
    queryFn: () => invoke('documents.preview', { id }),
    staleTime: 0,
    enabled,
  });
}

export function useDocumentDiff(id: string, from: number | null, to: number | null) {
  return useQuery({
    queryKey: documentKeys.diff(id, from ?? 0, to ?? 0),
    queryFn: () => invoke('documents.diff', { id, from: from ?? 1, to: to ?? 1 }),
    enabled: from !== null && to !== null && from !== to,
    placeholderData: (previous) => previous,
  });
}

/** Built-in templates and the office's copies (文稿模板), each with its kind. */
export function useDocumentTemplates() {
  return useQuery({ queryKey: ['templates', 'list'], queryFn: () => invoke('templates.list', {}) });
}

/** The answer library (口径库) as the picker searches it. */
export function useAnswerSearch(filter: Input<'answers.list'>, enabled = true) {
  return useQuery({
    queryKey: ['answers', 'list', filter],
    queryFn: () => invoke('answers.list', filter),
    placeholderData: (previous) => previous,
    enabled,
  });
}

function useDocumentWrite<M extends Method>(method: M) {
  const client = useQueryClient();
  return useMutation<Output<M>, Error, Input<M>>({
    mutationFn: (input) => invoke(method, input),
    onSuccess: () => void client.invalidateQueries({ queryKey: documentKeys.all }),
  });
}

export const useCreateDocument = () => useDocumentWrite('documents.create');
export const useUpdateDocument = () => useDocumentWrite('documents.update');
export const useReviewDocument = () => useDocumentWrite('documents.review');
export const useRemoveDocument = () => useDocumentWrite('documents.remove');

/** Writing the .docx changes no record: nothing to refresh. */
export function useExportDocument() {
  return useMutation<Output<'documents.export'>, Error, Input<'documents.export'>>({
    mutationFn: (input) => invoke('documents.export', input),
  });
}

/** The people of one department (答问人, 发言人), or nothing while no department is chosen. */
export function useDepartmentPeople(departmentId: string | null) {
  return useQuery({
    queryKey: ['departments', 'get', departmentId ?? ''],
    queryFn: () => invoke('departments.get', { id: departmentId ?? '' }),
    enabled: departmentId !== null && departmentId !== '',
    select: (d) => d.people,
  });
}
