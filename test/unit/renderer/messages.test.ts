// The UI's messages: catalog parity and the mapping from schema problems to catalog messages.
import { describe, expect, it } from 'vitest';
import { personFields, trainingFields } from '../../../common/schemas';
import { type IssueLike, issueField, issueMessage } from '../../../renderer/src/forms/issue-messages';
import { enUS } from '../../../renderer/src/i18n/en-US';
import { interpolate } from '../../../renderer/src/i18n/interpolate';
import { zhCN } from '../../../renderer/src/i18n/zh-CN';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogs', () => {
  it('have the same keys and the same placeholders in both languages', () => {
    expect(Object.keys(enUS).sort()).toEqual(Object.keys(zhCN).sort());
    for (const [key, zh] of Object.entries(zhCN)) {
      expect(placeholders(enUS[key as keyof typeof enUS]), key).toEqual(placeholders(zh));
    }
  });

  it('have no empty message', () => {
    for (const [key, text] of [...Object.entries(zhCN), ...Object.entries(enUS)]) expect(text.trim(), key).not.toBe('');
  });

  it('interpolates named placeholders and leaves unknown ones visible', () => {
    expect(interpolate('共 {count} 个部门', { count: 24 })).toBe('共 24 个部门');
    expect(interpolate('{a} {b}', { a: 1 })).toBe('1 {b}');
  });
});

function issuesOf(result: { success: boolean; error?: { issues: unknown[] } }): IssueLike[] {
  return (result.error?.issues ?? []) as IssueLike[];
}

describe('issueMessage', () => {
  it('maps the person schema problems to catalog messages on their fields', () => {
    const issues = issuesOf(
      personFields.safeParse({
        departmentId: 'rizhao-01',
        name: ' ',
        role: 'boss',
        title: 'x'.repeat(201),
        email: 'not-an-address',
        tenureStart: '2024-02-30',
      }),
    );
    const mapped = Object.fromEntries(issues.map((i) => [issueField(i), issueMessage(i)]));
    expect(mapped.name).toEqual({ key: 'validation.required', needsField: true });
    expect(mapped.role).toEqual({ key: 'validation.choose', needsField: true });
    expect(mapped.title).toEqual({ key: 'validation.tooLong', params: { max: '200' } });
    expect(mapped.email).toEqual({ key: 'validation.invalidEmail' });
    expect(mapped.tenureStart).toEqual({ key: 'validation.invalidDate' });
  });

  it('maps a missing value and an end before the start', () => {
    const missing = issuesOf(personFields.safeParse({ departmentId: 'd', role: 'head' }));
    expect(issueMessage(missing[0] as IssueLike).key).toBe('validation.required');
    const reversed = issuesOf(
      personFields.safeParse({
        departmentId: 'd',
        name: '张明',
        role: 'head',
        tenureStart: '2024-01-01',
        tenureEnd: '2023-01-01',
      }),
    );
    expect(issueField(reversed[0] as IssueLike)).toBe('tenureEnd');
    expect(issueMessage(reversed[0] as IssueLike).key).toBe('validation.tenureEndBeforeStart');
    const negative = issuesOf(trainingFields.safeParse({ personId: 'p', date: '2024-01-01', course: 'c', hours: -1 }));
    expect(issueMessage(negative[0] as IssueLike)).toEqual({ key: 'validation.tooSmall', params: { min: '0' } });
  });

  it('maps the server issues, which carry only a path and a message', () => {
    expect(issueMessage({ path: 'name', message: 'a current department is already called "市公安局"' }).key).toBe(
      'validation.nameTaken',
    );
    expect(issueMessage({ path: 'name', message: 'Too big: expected string to have <=200 characters' })).toEqual({
      key: 'validation.tooLong',
      params: { max: '200' },
    });
    expect(issueMessage({ path: 'x', message: 'something new' }).key).toBe('validation.invalid');
    expect(issueField({ path: 'people[3].name', message: '' })).toBeNull();
    expect(issueField({ path: 'email', message: '' })).toBe('email');
  });
});
