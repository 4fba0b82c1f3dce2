/** Where the suite's own MakrX listens (see playwright.config.ts). */
export const urls = {
  gateway: 'http://localhost:13000',
  cave: 'http://localhost:13001',
  store: 'http://localhost:13003',
  authApi: 'http://localhost:18001',
  caveApi: 'http://localhost:18002',
  storeApi: 'http://localhost:18003',
  issuer: 'http://localhost:18080/realms/makrx',
};
