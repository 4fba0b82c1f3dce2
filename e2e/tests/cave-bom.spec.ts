import { expect, test } from './fixtures';
import { signInAtCave } from './cave-session';
import { superAdminToken } from './flag-api';
import { expectAccessible, screenshot } from './page-checks';
import { urls } from './urls';

const ROBOT = '/projects/line-following-robot-kit';
const GREENHOUSE = '/projects/greenhouse-climate-controller';

test.describe('Bills of materials in MakrCave', () => {
  test('a member reads the demo robot’s BOM with Store prices, its total, what is short and a price change', async ({
    page,
  }) => {
    await signInAtCave(page, 'member@demo.makrx.org', ROBOT);
    const bom = page.getByRole('region', { name: 'Bill of materials' });
    await expect(bom.getByRole('table', { name: 'Bill of materials' })).toBeVisible();
    await expect(bom.getByRole('row', { name: /ESP32 DevKit V1/ })).toContainText('Received');
    // Three kits of inserts needed, two in the Store.
    const inserts = bom.getByRole('row', { name: /Heat-set inserts, M3/ });
    await expect(inserts).toContainText('Low stock');
    await expect(inserts).toContainText('2 in stock');
    await expect(bom.getByText('Heat-set inserts, M3: 2 of 3 in stock')).toBeVisible();
    await expect(bom.getByRole('row', { name: /PLA filament/ })).toContainText('Price changed');
    await expect(bom.getByText('Total cost in the Store')).toBeVisible();
    // Not the member's project: no editing controls.
    await expect(bom.getByRole('button', { name: 'Add item' })).toHaveCount(0);
    await expect(bom.getByRole('button', { name: /Order from Store/ })).toHaveCount(0);
    await expectAccessible(page);
    await screenshot(page, 'cave-bom-demo');
  });

  test('the owner imports a CSV file, sees the bad row reported by its line, and a Store stock drop warns', async ({
    page,
    browser,
  }) => {
    // The warning arrives with the page's next poll of the BOM (every 30 s).
    test.setTimeout(120_000);
    await signInAtCave(page, 'member@demo.makrx.org', GREENHOUSE);
    const bom = page.getByRole('region', { name: 'Bill of materials' });
    await expect(bom.getByRole('heading', { name: 'No materials listed yet' })).toBeVisible();
    await screenshot(page, 'cave-bom-empty');

    const csv = [
      'Name,Qty,Unit,SKU,Supplier,Notes',
      'ESP32 DevKit V1,1,pcs,ELE-ESP32-DKV1,,Runs the controller',
      'Soil moisture sensor,two,pcs,,Robu.in,',
      'VL53L0X distance sensor,2,pcs,ELE-SNS-VL53L0X,,',
      'Vent servo,1,pcs,ELE-MG90S-5PK,,',
    ].join('\n');
    const chooser = page.waitForEvent('filechooser');
    await bom.getByRole('button', { name: 'Import a CSV file' }).click();
    await (
      await chooser
    ).setFiles({
      name: 'greenhouse-bom.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    await expect(bom.getByText('Imported 3 items; 1 line was not imported:')).toBeVisible();
    await expect(
      bom.getByText('Line 3: quantity "two" is not a positive number with at most three decimals'),
    ).toBeVisible();
    await expect(bom.getByRole('row')).toHaveCount(4);
    // 1 × 8.99 + 2 × 14.95 + 1 × 16.99
    await expect(bom.getByText('$55.88')).toBeVisible();
    await expect(
      bom.getByRole('button', { name: 'Order from Store (Quick Reorder)' }),
    ).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, 'cave-bom-imported');

    // The Store's stock of the sensor drops below its threshold; the Store pushes the critical
    // level to the cave itself, and the open page shows the warning by its next poll.
    const admin = await superAdminToken(browser);
    const dropped = await fetch(
      `${urls.storeApi}/api/v1/admin/catalog/variants/ELE-SNS-VL53L0X/stock-adjustments`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
        body: JSON.stringify({ setTo: 1, reason: 'Counted the shelf: one left' }),
      },
    );
    expect(dropped.status, await dropped.clone().text()).toBe(200);
    const sensor = bom.getByRole('row', { name: /VL53L0X/ });
    await expect(sensor).toContainText('Low stock', { timeout: 60_000 });
    await expect(sensor).toContainText('Only 1 left in the Store; this BOM needs 2.');
    await expect(bom.getByText('VL53L0X distance sensor: 1 of 2 in stock')).toBeVisible();
  });
});
