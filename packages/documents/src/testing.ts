import { PDFParse } from 'pdf-parse';

/** The text of a PDF file, as a reader copying it out would see it: what tests check. */
export async function pdfText(pdf: Buffer | Uint8Array): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}
