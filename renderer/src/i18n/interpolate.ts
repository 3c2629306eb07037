export type MessageParams = Record<string, string | number>;

/** Fills `{name}` placeholders; an unknown placeholder is left as written so it shows up in review. */
export function interpolate(template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}
