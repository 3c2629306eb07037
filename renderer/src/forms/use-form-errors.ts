// Shared form plumbing: validate with the shared zod schemas, put each problem on its field in the
// user's language, and do the same for the server's answer. Problems that name no field of the form
// come back as one message for the form's alert.
import type { FormInstance } from 'antd';
import { useCallback, useState } from 'react';
import type { z } from 'zod';
import { ApiRequestError } from '../api/client';
import { apiErrorText } from '../api/error-text';
import { type Translate, useT } from '../i18n/use-t';
import type { MessageKey } from '../i18n/zh-CN';
import { type IssueLike, issueField, issueMessage } from './issue-messages';

export type FieldLabels = Record<string, MessageKey>;

function placeIssues(form: FormInstance, issues: readonly IssueLike[], labels: FieldLabels, t: Translate): string[] {
  const byField = new Map<string, string[]>();
  const unplaced: string[] = [];
  for (const issue of issues) {
    const field = issueField(issue);
    const mapped = issueMessage(issue);
    const label = field && labels[field] ? t(labels[field]) : '';
    const text = t(mapped.key, { ...mapped.params, ...(mapped.needsField ? { field: label } : {}) });
    if (field && labels[field]) byField.set(field, [...(byField.get(field) ?? []), text]);
    else unplaced.push(label ? `${label}: ${text}` : text);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return unplaced;
}

export function useFormErrors(form: FormInstance, labels: FieldLabels) {
  const t = useT();
  const [formError, setFormError] = useState<string | null>(null);

  /** Parses `input` with `schema`; on failure shows the problems and returns null. */
  const validate = useCallback(
    <S extends z.ZodType>(schema: S, input: unknown): z.output<S> | null => {
      setFormError(null);
      const result = schema.safeParse(input);
      if (result.success) return result.data;
      const unplaced = placeIssues(form, result.error.issues as readonly IssueLike[], labels, t);
      if (unplaced.length > 0) setFormError(unplaced.join('；'));
      return null;
    },
    [form, labels, t],
  );

  /** Shows a failed request: field issues on their fields, the rest in the form's alert. */
  const showServerError = useCallback(
    (err: unknown) => {
      if (err instanceof ApiRequestError && err.issues.length > 0) {
        const unplaced = placeIssues(form, err.issues, labels, t);
        setFormError(unplaced.length > 0 ? unplaced.join('；') : null);
        if (unplaced.length === 0) return;
      }
      setFormError(apiErrorText(err, t));
    },
    [form, labels, t],
  );

  return { formError, setFormError, validate, showServerError };
}
