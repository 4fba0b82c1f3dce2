import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/*
 * A module owns its tables: another module, or a flow, reaches it only through its public
 * `service` file (tests also through its `testing` helpers). The rule is eslint.config.js's,
 * run here with the repository's own configuration, on the auth, cave and store services alike.
 */
const root = fileURLToPath(new URL('../../../../', import.meta.url));
const eslint = new ESLint({
  cwd: root,
  ruleFilter: ({ ruleId }) => ruleId === 'no-restricted-imports',
});

async function refusals(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}${filePath}` });
  return result!.messages.map((message) => message.message);
}

const use = (what: string, from: string) => `import { ${what} } from '${from}';\nvoid ${what};\n`;

describe('module boundaries', () => {
  it("refuses a module importing another module's tables", async () => {
    const refused = await refusals(
      use('productVariants', '../catalog/tables'),
      'services/store/src/modules/cart/offending.ts',
    );
    expect(refused).toHaveLength(1);
    expect(refused[0]).toContain('A module owns its tables and internals');
  });

  it("refuses another module's other files, in a test too, in every service", async () => {
    const offenders: [string, string, string][] = [
      ['changeOrderStatus', '../orders/order-records', 'services/store/src/modules/payments/x.ts'],
      ['takeStock', '../catalog/stock', 'services/store/src/modules/orders/x.test.ts'],
      ['makerspaces', '../makerspaces/tables', 'services/cave/src/modules/projects/x.ts'],
      ['credentials', '../identity/tables', 'services/auth/src/modules/user-admin/x.ts'],
      ['accountColumns', '../identity/accounts', 'services/auth/src/modules/user-admin/x.ts'],
    ];
    for (const [what, from, file] of offenders) {
      expect(await refusals(use(what, from), file), `${from} in ${file}`).toHaveLength(1);
    }
  });

  it("refuses a flow reaching into a module's tables or internals", async () => {
    const flow = 'services/store/src/flows/offending.ts';
    expect(await refusals(use('orders', '../modules/orders/tables'), flow)).toHaveLength(1);
    expect(await refusals(use('takeStock', '../modules/catalog/stock'), flow)).toHaveLength(1);
  });

  it("lets modules and flows use another module's service, and tests its testing helpers", async () => {
    const allowed: [string, string, string][] = [
      ['takeStock', '../catalog/service', 'services/store/src/modules/orders/x.ts'],
      ['setVariantStock', '../catalog/testing', 'services/store/src/modules/cart/x.test.ts'],
      ['takeStock', '../modules/catalog/service', 'services/store/src/flows/x.ts'],
      ['variantOf', '../modules/orders/testing', 'services/store/src/flows/x.test.ts'],
      ['storeService', '../../service', 'services/store/src/modules/cart/x.test.ts'],
      // A foreign key is declared with the other module's table; the database keeps it.
      ['productVariants', '../catalog/tables', 'services/store/src/modules/cart/tables.ts'],
    ];
    for (const [what, from, file] of allowed) {
      expect(await refusals(use(what, from), file), `${from} in ${file}`).toEqual([]);
    }
    const outsideTests = 'services/store/src/modules/cart/x.ts';
    expect(await refusals(use('setVariantStock', '../catalog/testing'), outsideTests)).toHaveLength(
      1,
    );
  });

  it("finds no module or flow of any service importing another module's tables or internals", async () => {
    const results = await eslint.lintFiles([
      'services/*/src/modules/**/*.ts',
      'services/*/src/flows/**/*.ts',
    ]);
    const found = results.flatMap((result) =>
      result.messages.map(
        (message) => `${result.filePath.slice(root.length)}:${message.line} ${message.message}`,
      ),
    );
    expect(found).toEqual([]);
    expect(results.length).toBeGreaterThan(100);
  });
});
