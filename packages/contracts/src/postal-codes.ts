/**
 * What postal codes look like where the store ships most, checked upper-cased with single
 * spaces: the store service refuses one of another shape, the address form shows the example.
 * A country not listed takes any postal code.
 */
const postalCodeShapes: Record<string, { pattern: RegExp; example: string }> = {
  US: { pattern: /^\d{5}(-\d{4})?$/, example: '94107 or 94107-1234' },
  CA: {
    pattern: /^[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d$/,
    example: 'K1A 0B1',
  },
  GB: { pattern: /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/, example: 'SW1A 1AA' },
  IN: { pattern: /^[1-9]\d{5}$/, example: '560034' },
  DE: { pattern: /^\d{5}$/, example: '10115' },
  FR: { pattern: /^\d{5}$/, example: '75001' },
  NL: { pattern: /^[1-9]\d{3} ?[A-Z]{2}$/, example: '1012 AB' },
  AU: { pattern: /^\d{4}$/, example: '2000' },
};

/** A postal code as kept: trimmed, upper-cased, single spaces. */
export const tidyPostalCode = (value: string) => value.trim().toUpperCase().replace(/\s+/g, ' ');

/** The shape a country's postal codes have, if the store knows it. */
export const postalCodeShape = (country: string) => postalCodeShapes[country];
