export {
  formatMoney,
  renderInvoicePdf,
  type InvoiceDocument,
  type InvoiceDocumentLine,
  type InvoiceParty,
} from './invoice-pdf';
