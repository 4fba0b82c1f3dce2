/**
 * `npm run bench`: each DESIGN performance target, measured against its named peer in the
 * same run, printed as one table and written to bench/results.json. `npm run bench -- mesh`
 * runs only the 3D analysis section (no database needed); `npm run bench -- print` only the
 * print flow over the store service (upload → first quote, the catalog's p99 during analysis).
 */
import { fileURLToPath } from 'node:url';
import { benchBookingRush } from './booking-rush';
import { benchCatalogListing } from './catalog-listing';
import { benchCheckoutRush } from './checkout-rush';
import { prepareBenchDatabase } from './database';
import { benchMeshAnalysis, MESH_ORDER_NOTE } from './mesh-analysis';
import { benchModelQuotes } from './model-quotes';
import { printTable, writeResults, type Comparison } from './report';

const resultsFile = fileURLToPath(new URL('../results.json', import.meta.url));

const only = process.argv[2];
const rows: Comparison[] = [];
if (only === undefined || only === 'mesh') {
  console.log('3D analysis against admesh …');
  rows.push(...(await benchMeshAnalysis()));
}
if (only === undefined) await benchServices();
if (only === 'print') await benchPrintFlow();
console.log('');
printTable(rows);
if (only === undefined || only === 'mesh') console.log(`\n${MESH_ORDER_NOTE}`);
writeResults(resultsFile, rows);
console.log(`\nWritten to ${resultsFile}`);

async function benchServices(): Promise<void> {
  const database = await prepareBenchDatabase();
  try {
    console.log(`Catalog listing over ${database.label} …`);
    rows.push(...(await benchCatalogListing(database)));
    console.log(`Checkout rush over ${database.label} …`);
    rows.push(...(await benchCheckoutRush(database)));
    console.log(`Booking rush over ${database.label} …`);
    rows.push(...(await benchBookingRush(database)));
    console.log(`Print flow over ${database.label} …`);
    rows.push(...(await benchModelQuotes(database)));
  } finally {
    await database.drop();
  }
}

async function benchPrintFlow(): Promise<void> {
  const database = await prepareBenchDatabase();
  try {
    console.log(`Print flow over ${database.label} …`);
    rows.push(...(await benchModelQuotes(database)));
  } finally {
    await database.drop();
  }
}
