/**
 * What a rendering depends on besides the document and its time: bump it whenever the bytes of the
 * same document change (layout, fonts, the docx library, the zip). Stored renderings (the portal's)
 * are keyed with it, so a new renderer never ships an old file. test/unit/portal-renders.test.ts
 * pins the digest of a sample rendering's parts to catch a change made without bumping this.
 * (Its own module, so that computing a key does not load the renderer: see load.ts.)
 */
export const DOCX_RENDERER_VERSION = 'gbt9704/2';
