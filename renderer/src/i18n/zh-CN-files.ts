// 简体中文: saving files (export dialog) and office particulars. en-US-files.ts has the same keys.
export const zhCNFiles = {
  'export.dir': '保存到文件夹',
  'export.dirHint': '本机上的完整路径；下次导出时沿用。',
  'export.fileName': '文件名',
  'export.save': '保存',
  'export.writing': '正在生成…',
  'export.done': '文件已保存',
  'export.exists': '文件“{name}”已存在。要替换它吗？',
  'export.overwrite': '替换',
  'export.rename': '改用其他文件名',
  'error.file_exists': '文件已存在。',
} satisfies Record<string, string>;
