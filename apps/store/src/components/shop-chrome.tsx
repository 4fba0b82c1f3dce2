'use client';

import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';

/** Paths that bring their own focused frame instead of the shop's header and footer. */
const focusedPaths = ['/checkout'];

const isFocused = (path: string) =>
  focusedPaths.some((focused) => path === focused || path.startsWith(`${focused}/`));

/**
 * The shop's header or footer, left out on the checkout: it has its own layout (logo,
 * progress, summary), so nothing leads the buyer away mid-purchase. Decided on the server
 * too (the path is known while rendering), so it holds without JavaScript.
 */
export function ShopChrome({ children }: { children: ReactNode }) {
  return isFocused(usePathname()) ? null : children;
}
