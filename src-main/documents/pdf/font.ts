import fs from 'node:fs';
import PDFDocument from 'pdfkit';

/**
 * The app's own CJK face (Noto Sans SC, OFL, from @expo-google-fonts/noto-sans-sc): a front-desk
 * PC may have no Chinese font at all, so nothing here ever looks at the system's fonts. pdfkit
 * embeds only the glyphs a document uses (a subset), so a receipt stays a few tens of KB.
 */
const FACES = {
  regular: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
} as const;

export type FaceName = keyof typeof FACES;
export const FONT_REGULAR = 'cjk';
export const FONT_BOLD = 'cjk-bold';

/** A parsed font as pdfkit keeps it; opaque to us, reused across documents. */
type ParsedFont = object;
const parsed = new Map<FaceName, ParsedFont>();

export function fontFile(face: FaceName): string {
  return require.resolve(FACES[face]);
}

/**
 * Parsing a 10 MB face takes longer than drawing a whole receipt, so each face is parsed once
 * per process. pdfkit parses it the first time (we do not import its font parser ourselves)
 * and accepts the parsed object back for every later document.
 */
function parsedFace(face: FaceName): ParsedFont {
  const known = parsed.get(face);
  if (known) return known;
  const probe = new PDFDocument({ autoFirstPage: false });
  probe.registerFont(face, fs.readFileSync(fontFile(face)));
  probe.font(face);
  const font = (probe as unknown as { _font: { font: ParsedFont } })._font.font;
  parsed.set(face, font);
  return font;
}

/**
 * pdfkit caches the layout of each word per document; most of a receipt's words (labels, fee
 * items, dates) recur in every document, so the cache is shared across documents. Layout
 * results are pure (the per-document subset is built at encoding), and the cache is renewed
 * every few hundred documents so names and amounts do not pile up in a long-running desk.
 */
const SHARED_CACHE_DOCUMENTS = 500;
let layoutCaches = { regular: Object.create(null) as object, bold: Object.create(null) as object, uses: 0 };

function useSharedLayoutCache(doc: PDFKit.PDFDocument, name: string, cache: object): void {
  doc.font(name);
  (doc as unknown as { _font: { layoutCache?: object } })._font.layoutCache = cache;
}

export function registerFonts(doc: PDFKit.PDFDocument): void {
  doc.registerFont(FONT_REGULAR, parsedFace('regular') as Buffer);
  doc.registerFont(FONT_BOLD, parsedFace('bold') as Buffer);
  if (++layoutCaches.uses > SHARED_CACHE_DOCUMENTS) layoutCaches = { regular: Object.create(null) as object, bold: Object.create(null) as object, uses: 1 };
  useSharedLayoutCache(doc, FONT_BOLD, layoutCaches.bold);
  useSharedLayoutCache(doc, FONT_REGULAR, layoutCaches.regular);
}
