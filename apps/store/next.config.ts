import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // The shared packages ship TypeScript sources, not built files.
  transpilePackages: ['@makrx/ui', '@makrx/contracts'],
  // Product images are SVG illustrations served by the store service; there is nothing to resize.
  images: { unoptimized: true },
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
