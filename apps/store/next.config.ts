import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // The shared packages ship TypeScript sources, not built files.
  transpilePackages: ['@makrx/ui', '@makrx/contracts'],
  // Product images are SVG illustrations served by the store service; there is nothing to resize.
  images: { unoptimized: true },
  poweredByHeader: false,
  reactStrictMode: true,
  // Store admins upload product images of up to 5 MB through server actions.
  experimental: { serverActions: { bodySizeLimit: '6mb' } },
};

export default nextConfig;
