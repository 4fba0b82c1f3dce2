import type { NavItem } from '@makrx/ui';
import { catalogHref } from './catalog-query';

/**
 * The shelves most shoppers head for, and instant 3D printing quotes, one click from any page
 * via the portal header.
 */
export const headerShortcuts: NavItem[] = [
  { label: 'All products', href: catalogHref({}) },
  { label: 'Filament', href: catalogHref({ category: 'filament' }) },
  { label: 'Electronics', href: catalogHref({ category: 'electronics' }) },
  { label: 'Tools', href: catalogHref({ category: 'tools' }) },
  { label: '3D printing', href: '/print' },
];

/** With ENABLE_SERVICE_MARKETPLACE on, the print providers' list beside 3D printing. */
export function headerShortcutsWith({ marketplace }: { marketplace: boolean }): NavItem[] {
  return marketplace
    ? [...headerShortcuts, { label: 'Print providers', href: '/print/providers' }]
    : headerShortcuts;
}
