import { expect, test } from './fixtures';
import { urls } from './urls';

const services = [
  ['auth', urls.authApi, '/api/v1/profiles?pageSize=0', 'pageSize'],
  ['cave', urls.caveApi, '/api/v1/makerspaces?page=zero', 'page'],
  ['store', urls.storeApi, '/api/v1/products?sort=cheapest', 'sort'],
] as const;

for (const [name, base, badQuery, field] of services) {
  test.describe(`the ${name} service as started by npm start`, () => {
    test('answers health, readiness, OpenAPI and docs', async ({ request, page }) => {
      expect((await request.get(`${base}/health`)).status()).toBe(200);
      expect(await (await request.get(`${base}/ready`)).json()).toMatchObject({ status: 'ready' });
      expect((await (await request.get(`${base}/openapi.json`)).json()).openapi).toMatch(/^3\./);
      await page.goto(`${base}/docs`);
      await expect(page.getByText(/MakrX|MakrCave/).first()).toBeVisible();
    });

    test('answers a bad query with 400 naming the field, and an unknown route with 404', async ({
      request,
    }) => {
      const bad = await request.get(`${base}${badQuery}`);
      expect(bad.status()).toBe(400);
      expect((await bad.json()).error.details[0].field).toBe(field);
      const missing = await request.get(`${base}/api/v1/no-such-thing`);
      expect(missing.status()).toBe(404);
      expect((await missing.json()).error.code).toBe('ROUTE_NOT_FOUND');
    });
  });
}
