import PDFDocument from 'pdfkit';

/** A party on an invoice: who sells and who is billed. */
export interface InvoiceParty {
  name: string;
  email: string;
  /** Lines of a postal address, as printed. */
  address: readonly string[];
}

export interface InvoiceDocumentLine {
  description: string;
  /** What the quantity column shows: `2`, `3 h 20 min`, or empty for a fee. */
  quantity: string;
  /** Minor units; null prints nothing (a fee without a unit price). */
  unitPriceCents: number | null;
  amountCents: number;
}

/** Everything an invoice prints, whichever service issued it. */
export interface InvoiceDocument {
  number: string;
  issuedOn: string;
  dueOn?: string;
  /** `2026-11-01 – 2026-11-30` for a subscription's month; unset for an order. */
  period?: string;
  /** `Paid`, `Open`, `Refunded`…: printed beside the number. */
  status: string;
  seller: InvoiceParty;
  buyer: InvoiceParty;
  /** A line under the parties, such as the order it belongs to. */
  reference?: string;
  lines: readonly InvoiceDocumentLine[];
  /** Subtotal, shipping, tax… in order, each in minor units. */
  totals: readonly { label: string; amountCents: number }[];
  totalCents: number;
  currency: string;
  /** Printed at the foot, such as how tax was treated. */
  note?: string;
}

/**
 * An amount in minor units as the invoice prints it: `INR 3,500.00`. The code rather than the
 * symbol, because the PDF's built-in fonts have no ₹; Indian digit grouping for rupees.
 */
export function formatMoney(cents: number, currency: string): string {
  const locale = currency === 'INR' ? 'en-IN' : 'en-US';
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    currencyDisplay: 'code',
  })
    .format(cents / 100)
    .replace(/\s/g, ' ');
}

/**
 * The built-in PDF fonts cover Windows-1252 only: compatibility forms are folded to what they
 * stand for (`CO₂` → `CO2`, `ﬁ` → `fi`) so names print legibly rather than as gaps.
 */
function printable(invoice: InvoiceDocument): InvoiceDocument {
  const fold = (text: string) => text.normalize('NFKC');
  const party = (who: InvoiceParty) => ({
    name: fold(who.name),
    email: who.email,
    address: who.address.map(fold),
  });
  return {
    ...invoice,
    seller: party(invoice.seller),
    buyer: party(invoice.buyer),
    lines: invoice.lines.map((line) => ({ ...line, description: fold(line.description) })),
    ...(invoice.reference ? { reference: fold(invoice.reference) } : {}),
    ...(invoice.note ? { note: fold(invoice.note) } : {}),
  };
}

const MARGIN = 50;
const COLUMNS = { description: MARGIN, quantity: 300, unit: 370, amount: 460 };
const AMOUNT_WIDTH = 85;

function party(doc: PDFKit.PDFDocument, heading: string, who: InvoiceParty, x: number, y: number) {
  doc.font('Helvetica-Bold').fontSize(9).text(heading.toUpperCase(), x, y);
  doc
    .font('Helvetica')
    .fontSize(10)
    .text(who.name, x, y + 14, { width: 220 });
  for (const line of who.address) doc.text(line, { width: 220 });
  doc.text(who.email, { width: 220 });
}

function lineTable(doc: PDFKit.PDFDocument, invoice: InvoiceDocument, top: number): number {
  const money = (cents: number) => formatMoney(cents, invoice.currency);
  doc.font('Helvetica-Bold').fontSize(9);
  doc.text('Description', COLUMNS.description, top);
  doc.text('Quantity', COLUMNS.quantity, top);
  doc.text('Unit price', COLUMNS.unit, top, { width: AMOUNT_WIDTH - 10, align: 'right' });
  doc.text('Amount', COLUMNS.amount, top, { width: AMOUNT_WIDTH, align: 'right' });
  let y = top + 16;
  doc
    .moveTo(MARGIN, y - 4)
    .lineTo(545, y - 4)
    .strokeColor('#999')
    .stroke();
  doc.font('Helvetica').fontSize(10);
  for (const line of invoice.lines) {
    const height = doc.heightOfString(line.description, { width: 240 });
    doc.text(line.description, COLUMNS.description, y, { width: 240 });
    doc.text(line.quantity, COLUMNS.quantity, y, { width: 65 });
    if (line.unitPriceCents !== null) {
      doc.text(money(line.unitPriceCents), COLUMNS.unit, y, {
        width: AMOUNT_WIDTH - 10,
        align: 'right',
      });
    }
    doc.text(money(line.amountCents), COLUMNS.amount, y, { width: AMOUNT_WIDTH, align: 'right' });
    y += Math.max(height, 12) + 6;
  }
  return y;
}

function totals(doc: PDFKit.PDFDocument, invoice: InvoiceDocument, top: number) {
  const money = (cents: number) => formatMoney(cents, invoice.currency);
  let y = top + 6;
  doc
    .moveTo(COLUMNS.unit, y - 4)
    .lineTo(545, y - 4)
    .stroke();
  for (const { label, amountCents } of invoice.totals) {
    doc
      .font('Helvetica')
      .fontSize(10)
      .text(label, COLUMNS.unit - 60, y, { width: 130 });
    doc.text(money(amountCents), COLUMNS.amount, y, { width: AMOUNT_WIDTH, align: 'right' });
    y += 16;
  }
  doc
    .font('Helvetica-Bold')
    .fontSize(11)
    .text('Total', COLUMNS.unit - 60, y, { width: 130 });
  doc.text(money(invoice.totalCents), COLUMNS.amount - 15, y, {
    width: AMOUNT_WIDTH + 15,
    align: 'right',
  });
  return y + 24;
}

/**
 * An invoice as an A4 PDF file: seller and buyer, number and dates, the lines and the totals
 * in the invoice's currency. The store's and the cave's invoices print through this one
 * layout.
 */
export function renderInvoicePdf(original: InvoiceDocument): Promise<Buffer> {
  const invoice = printable(original);
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: { Title: `Invoice ${invoice.number}`, Author: invoice.seller.name },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.font('Helvetica-Bold').fontSize(20).text('Invoice', MARGIN, MARGIN);
  doc.font('Helvetica').fontSize(10);
  doc.text(`Number: ${invoice.number}`, 330, MARGIN, { width: 215, align: 'right' });
  doc.text(`Status: ${invoice.status}`, { width: 215, align: 'right' });
  doc.text(`Issued: ${invoice.issuedOn}`, { width: 215, align: 'right' });
  if (invoice.dueOn) doc.text(`Due: ${invoice.dueOn}`, { width: 215, align: 'right' });
  if (invoice.period) doc.text(`Period: ${invoice.period}`, { width: 215, align: 'right' });

  party(doc, 'From', invoice.seller, MARGIN, 130);
  party(doc, 'Billed to', invoice.buyer, 310, 130);
  let y = 230;
  if (invoice.reference) {
    doc.font('Helvetica').fontSize(10).text(invoice.reference, MARGIN, y);
    y += 20;
  }
  y = totals(doc, invoice, lineTable(doc, invoice, y + 10));
  if (invoice.note) {
    doc.font('Helvetica').fontSize(9).fillColor('#555').text(invoice.note, MARGIN, y, {
      width: 495,
    });
  }
  doc.end();
  return done;
}
