import type { Access } from './access-matrix';
import { matrixRoles, type MatrixRole } from './roles';

/**
 * The access matrix exactly as spec section 4 prints it, copied verbatim, so the tests hold
 * the code's table against the document rather than against itself.
 */
const specTable = `
| Feature | Super Admin | Admin | Makerspace Admin | Service Provider | Member | Store Customer | Guest |
|---------|-------------|-------|------------------|------------------|--------|----------------|-------|
| **Global Features** |
| Cross-domain SSO | ✅ | ✅ | ✅ | ✅ | ✅ | ✅ | ❌ |
| User profile management | ✅ | ✅ | ✅ | ✅ | ✅ | ✅ | ❌ |
| System feature flags | ✅ | ❌ | ❌ | ❌ | ❌ | ❌ | ❌ |
| **MakrX.org Features** |
| Community features | ✅ | ✅ | ✅ | ✅ | ✅ | ✅ | 👁️ |
| Maker profiles | ✅ | ✅ | ✅ | ✅ | ✅ | ✅ | 👁️ |
| **MakrCave Features** |
| Equipment management | ✅ | ✅ | ✅ | ✅ | 👁️ | ❌ | ❌ |
| Member management | ✅ | ✅ | ✅ | ❌ | ❌ | ❌ | ❌ |
| Equipment reservations | ✅ | ✅ | ✅ | ✅ | ✅ | ❌ | ❌ |
| Project management | ✅ | ✅ | ✅ | ✅ | ✅ | ❌ | ❌ |
| Billing management | ✅ | ✅ | ✅ | ❌ | 👁️ | ❌ | ❌ |
| Analytics dashboard | ✅ | ✅ | ✅ | ✅ | ❌ | ❌ | ❌ |
| **MakrX.Store Features** |
| Product browsing | ✅ | ✅ | ✅ | ✅ | ✅ | ✅ | ✅ |
| Purchase products | ✅ | ✅ | ✅ | ✅ | ✅ | ✅ | ❌ |
| Upload files for quotes | ✅ | ✅ | ✅ | ✅ | ✅ | ✅ | ❌ |
| Order management | ✅ | ✅ | ✅ | ✅ | ✅ | ✅ | ❌ |
| Service provider tools | ✅ | ✅ | ❌ | ✅ | ❌ | ❌ | ❌ |

**Legend**: ✅ Full Access | 👁️ Read Only | ❌ No Access
`;

const SYMBOLS: [string, Access][] = [
  ['✅', 'full'],
  ['👁', 'read'],
  ['❌', 'none'],
];

/** Feature label → role → cell, parsed from the spec's rows (section headings skipped). */
export const specAccessCells: ReadonlyMap<string, Record<MatrixRole, Access>> = new Map(
  specTable
    .split('\n')
    .map((line) => line.split('|').map((cell) => cell.trim()))
    .filter((cells) => cells.length === matrixRoles.length + 3 && cells[2]?.match(/[✅👁❌]/u))
    .map((cells) => {
      const [label = '', ...marks] = cells.slice(1, -1);
      const access = Object.fromEntries(
        matrixRoles.map((role, column) => [role, accessOfMark(marks[column] ?? '')]),
      ) as Record<MatrixRole, Access>;
      return [label, access] as const;
    }),
);

function accessOfMark(mark: string): Access {
  const found = SYMBOLS.find(([symbol]) => mark.includes(symbol));
  if (!found) throw new Error(`Unknown mark in the spec table: "${mark}"`);
  return found[1];
}
