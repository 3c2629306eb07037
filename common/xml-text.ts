// Text on its way into XML (docx, xlsx, portal HTML) loses what XML 1.0 cannot carry: C0 controls
// other than tab/LF/CR, U+FFFE/U+FFFF, and lone surrogates. docx and exceljs pass these through
// into files that Word, WPS and Excel refuse to open. Everything else is kept verbatim.
const NOT_XML =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters are what this removes
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlSafe(text: string): string {
  return text.replace(NOT_XML, '');
}

/** True when the text needs no cleaning. */
export function isXmlSafe(text: string): boolean {
  NOT_XML.lastIndex = 0;
  return !NOT_XML.test(text);
}
