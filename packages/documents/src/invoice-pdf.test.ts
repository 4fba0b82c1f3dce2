import { describe, expect, it } from 'vitest';
import { formatMoney, renderInvoicePdf } from './invoice-pdf';
import { pdfText } from './testing';

describe('an invoice as a PDF', () => {
  it('prints number, parties, lines and totals, readable back from the file', async () => {
    const pdf = await renderInvoicePdf({
      number: 'MXH-2026-0042',
      issuedOn: '2026-12-01',
      dueOn: '2026-12-15',
      period: '2026-11-01 to 2026-11-30',
      status: 'Open',
      seller: { name: 'MakrX Hub Bengaluru', email: 'hub@makrx.org', address: ['Indiranagar'] },
      buyer: { name: 'Asha Rao', email: 'asha@example.org', address: [] },
      lines: [
        { description: 'Maker plan', quantity: '1', unitPriceCents: 350_000, amountCents: 350_000 },
        {
          description: 'Trotec Speedy 360: 3 h used',
          quantity: '3 h',
          unitPriceCents: 120_000,
          amountCents: 360_000,
        },
      ],
      totals: [{ label: 'Subtotal', amountCents: 710_000 }],
      totalCents: 710_000,
      currency: 'INR',
      note: 'No tax is charged.',
    });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(pdf);
    for (const printed of [
      'MXH-2026-0042',
      'MakrX Hub Bengaluru',
      'Asha Rao',
      'Maker plan',
      'Trotec Speedy 360: 3 h used',
      'INR 7,100.00',
      '2026-12-15',
    ]) {
      expect(text).toContain(printed);
    }
  });

  it('formats money by currency, with Indian grouping for rupees', () => {
    expect(formatMoney(12_345_600, 'INR')).toBe('INR 1,23,456.00');
    expect(formatMoney(-9_000, 'INR')).toBe('-INR 90.00');
    expect(formatMoney(123_456, 'USD')).toBe('USD 1,234.56');
  });
});
