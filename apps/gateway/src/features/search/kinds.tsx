import type { SearchKind } from '@makrx/contracts/search-kinds';
import { BuildingIcon, LightbulbIcon, ShoppingBagIcon, UsersIcon } from '@makrx/ui';
import type { ReactNode } from 'react';

export interface KindPresentation {
  /** The group's heading. */
  label: string;
  /** The section's id, for the jump links. */
  anchor: string;
  /** The app whose page a result opens. */
  appName: string;
  icon: ReactNode;
  noun: [one: string, many: string];
}

/** The groups of the results page, in the order they are shown. */
export const kindOrder: SearchKind[] = ['product', 'makerspace', 'maker', 'project'];

export const kindPresentation: Record<SearchKind, KindPresentation> = {
  product: {
    label: 'Products',
    anchor: 'products',
    appName: 'MakrX.Store',
    icon: <ShoppingBagIcon />,
    noun: ['product', 'products'],
  },
  makerspace: {
    label: 'Makerspaces',
    anchor: 'makerspaces',
    appName: 'MakrCave',
    icon: <BuildingIcon />,
    noun: ['makerspace', 'makerspaces'],
  },
  maker: {
    label: 'Makers',
    anchor: 'makers',
    appName: 'MakrX.org',
    icon: <UsersIcon />,
    noun: ['maker', 'makers'],
  },
  project: {
    label: 'Projects',
    anchor: 'projects',
    appName: 'MakrCave',
    icon: <LightbulbIcon />,
    noun: ['project', 'projects'],
  },
};
