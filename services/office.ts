// The office's own particulars, used by documents: 发布机构 (name), the 发文字号 prefix, the
// signature block, and where exports go. A fresh database has working defaults.
import { dirname, join } from 'node:path';
import type { OfficeFields } from '../common/document-schemas';
import type { OfficeSettings } from '../common/document-types';
import { getSetting, putSetting } from '../db/queries/settings';
import type { ServiceContext } from './context';

export const DEFAULT_OFFICE: OfficeSettings = {
  name: '日照市人民政府新闻办公室',
  docPrefix: '日新办',
  signature: '日照市人民政府新闻办公室',
  exportDir: null,
  indexCode: 'RZXWB',
};

export function readOffice(ctx: ServiceContext): OfficeSettings {
  return { ...DEFAULT_OFFICE, ...(getSetting<Partial<OfficeSettings>>(ctx.db, 'office') ?? {}) };
}

export function writeOffice(ctx: ServiceContext, fields: OfficeFields): OfficeSettings {
  const current = readOffice(ctx);
  putSetting(ctx.db, 'office', {
    indexCode: fields.indexCode || current.indexCode,
    name: fields.name,
    docPrefix: fields.docPrefix,
    signature: fields.signature,
    exportDir: fields.exportDir ?? null,
  });
  return readOffice(ctx);
}

/** Where exports go unless the user names a folder: the office's setting, else `exports` beside the database. */
export function exportDir(ctx: ServiceContext): string {
  const configured = readOffice(ctx).exportDir;
  if (configured) return configured;
  return ctx.dbPath === ':memory:' ? join(process.cwd(), 'exports') : join(dirname(ctx.dbPath), 'exports');
}
