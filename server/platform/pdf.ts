import pdfmake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';

/**
 * PDFs with pdfmake and Debian's Noto Sans CJK (fonts-noto-cjk): the .ttc collections are opened by
 * their PostScript names. Nothing else is read from disk and nothing from the network (images are data
 * URLs: signatures, photos).
 */
export const pdfFontDir = process.env.FORECOURT_PDF_FONT_DIR ?? '/usr/share/fonts/opentype/noto/';
let configured = false;
function configure() {
  if (configured) return;
  pdfmake.setFonts({
    NotoSans: {
      normal: [`${pdfFontDir}NotoSansCJK-Regular.ttc`, 'NotoSansCJKsc-Regular'],
      bold: [`${pdfFontDir}NotoSansCJK-Bold.ttc`, 'NotoSansCJKsc-Bold'],
    },
  } as unknown as Parameters<typeof pdfmake.setFonts>[0]);
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => path.startsWith(pdfFontDir));
  configured = true;
}

/** Renders a document (default font NotoSans) to a PDF buffer. */
export async function renderPdf(definition: TDocumentDefinitions): Promise<Buffer> {
  configure();
  return pdfmake
    .createPdf({ ...definition, defaultStyle: { font: 'NotoSans', ...definition.defaultStyle } })
    .getBuffer();
}
