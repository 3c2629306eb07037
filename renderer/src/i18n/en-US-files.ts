// English: saving files (export dialog) and office particulars.
import type { zhCNFiles } from './zh-CN-files';

export const enUSFiles: Record<keyof typeof zhCNFiles, string> = {
  'export.dir': 'Save to folder',
  'export.dirHint': 'A full path on this computer; used again next time.',
  'export.fileName': 'File name',
  'export.save': 'Save',
  'export.writing': 'Generating…',
  'export.done': 'File saved',
  'export.exists': '"{name}" already exists. Replace it?',
  'export.overwrite': 'Replace',
  'export.rename': 'Use another name',
  'error.file_exists': 'The file already exists.',
};
