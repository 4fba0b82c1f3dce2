import { describe, expect, it } from 'vitest';
import { appLocationOf, isUploadId } from './model-upload-proxy';

const id = '1c7d9a0e-8a5b-4c1e-9f3a-2b6d4e8f0a1c';

describe('the store app’s tus pass-through', () => {
  it('gives the browser the upload URL under the store app, whatever form the service used', () => {
    expect(appLocationOf(`/api/v1/model-uploads/tus/${id}`)).toBe(`/api/model-uploads/tus/${id}`);
    expect(appLocationOf(`http://localhost:8003/api/v1/model-uploads/tus/${id}`)).toBe(
      `/api/model-uploads/tus/${id}`,
    );
  });

  it('passes on no location that is not an upload id', () => {
    expect(appLocationOf('/api/v1/model-uploads/tus/../../admin')).toBeUndefined();
    expect(appLocationOf('https://elsewhere.example/steal')).toBeUndefined();
    expect(isUploadId(id)).toBe(true);
    expect(isUploadId('../etc')).toBe(false);
  });
});
