import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // The shared packages ship TypeScript sources, not built files.
  transpilePackages: ['@makrx/ui', '@makrx/contracts', '@makrx/mesh', '@makrx/model-viewer'],
  // Product images are SVG illustrations served by the store service; there is nothing to resize.
  images: { unoptimized: true },
  poweredByHeader: false,
  // Beside each page's Content-Security-Policy (proxy.ts): no framing, even by browsers that
  // predate frame-ancestors; no sniffing; no full URLs (order tokens) sent to other sites.
  headers: async () => [
    {
      source: '/:path*',
      headers: [
        { key: 'X-Frame-Options', value: 'DENY' },
        { key: 'X-Content-Type-Options', value: 'nosniff' },
        { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
      ],
    },
  ],
  reactStrictMode: true,
  // Store admins upload product images of up to 5 MB through server actions.
  experimental: { serverActions: { bodySizeLimit: '6mb' } },
};

export default nextConfig;
