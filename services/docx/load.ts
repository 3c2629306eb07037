// The .docx renderer is loaded when first needed, not when the app starts: the docx library is about a
// third of what a start would otherwise compile and evaluate before the first screen's requests are
// answered (~60–100 ms on the office's 2-core machine). Whatever renders awaits loadDocxRenderer();
// the one synchronous user, the approval hook that stores the portal's rendering (portal/renders.ts),
// renders only once the renderer is loaded and otherwise leaves the file to the export, which renders
// what is missing. The start-up maintenance (services/startup.ts) and the CLI load it ahead.
type DocxRenderer = typeof import('./render');

let loaded: DocxRenderer | null = null;
let loading: Promise<DocxRenderer> | null = null;

export function loadDocxRenderer(): Promise<DocxRenderer> {
  loading ??= import('./render').then((m) => {
    loaded = m;
    return m;
  });
  return loading;
}

/** The renderer if it is loaded already, else null (for code that cannot wait). */
export function docxRendererIfLoaded(): DocxRenderer | null {
  return loaded;
}
