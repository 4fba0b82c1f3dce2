import { startTestService, type TestService } from '@makrx/service-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeService } from '../../service';

describe('the product images under /media', () => {
  let store: TestService;
  beforeAll(async () => {
    store = await startTestService(storeService, 'pglite');
  });
  afterAll(() => store.close());

  it('serves an image, embeddable by the other apps', async () => {
    const image = await store.app.inject('/media/products/esp32-devkit-v1.svg');
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(image.headers['cross-origin-resource-policy']).toBe('cross-origin');
  });

  it('serves nothing but images: the scripts beside them answer 404', async () => {
    for (const path of [
      '/media/generate-product-images.ts',
      '/media/illustrations/boards.ts',
      '/media/../src/main.ts',
      '/media/illustrations/',
    ]) {
      const response = await store.app.inject(path);
      expect(response.statusCode, path).toBe(404);
      expect(response.body, path).not.toMatch(/import |export /);
    }
  });
});
