// The spreadsheet and zip libraries are loaded when an export or an import first needs them, not when
// the app starts: together with their dependencies they are about 1.7 MB of the Node bundle, which every
// start would otherwise compile and evaluate before the first screen's requests are answered
// (scripts/build-node.mjs splits dynamic imports into chunks of their own).
import type ExcelJSModule from 'exceljs';
import type JSZipModule from 'jszip';

/** exceljs's default export (the `ExcelJS` namespace with `Workbook`). */
export async function loadExcelJS(): Promise<typeof ExcelJSModule> {
  return (await import('exceljs')).default;
}

/** jszip's constructor (with `loadAsync`). */
export async function loadJSZip(): Promise<typeof JSZipModule> {
  return (await import('jszip')).default;
}
