/**
 * `npm run bench`: each DESIGN performance target, measured against its named peer in the
 * same run, printed as one table and written to bench/results.json.
 */
import { fileURLToPath } from 'node:url';
import { benchBookingRush } from './booking-rush';
import { benchCatalogListing } from './catalog-listing';
import { benchCheckoutRush } from './checkout-rush';
import { prepareBenchDatabase } from './database';
import { printTable, writeResults, type Comparison } from './report';

const resultsFile = fileURLToPath(new URL('../results.json', import.meta.url));

const database = await prepareBenchDatabase();
const rows: Comparison[] = [];
try {
  console.log(`Catalog listing over ${database.label} …`);
  rows.push(...(await benchCatalogListing(database)));
  console.log(`Checkout rush over ${database.label} …`);
  rows.push(...(await benchCheckoutRush(database)));
  console.log(`Booking rush over ${database.label} …`);
  rows.push(...(await benchBookingRush(database)));
} finally {
  await database.drop();
}
console.log('');
printTable(rows);
writeResults(resultsFile, rows);
console.log(`\nWritten to ${resultsFile}`);
