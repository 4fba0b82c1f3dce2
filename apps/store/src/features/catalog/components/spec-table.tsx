import type { Product } from '@makrx/contracts';
import { specRows } from '../product-details';

export function SpecTable({ specs, caption }: { specs: Product['specs']; caption: string }) {
  const rows = specRows(specs);
  if (rows.length === 0) {
    return <p className="text-sm text-ink-600">This product has no listed specifications.</p>;
  }
  return (
    <div className="overflow-hidden rounded-2xl border border-ink-200">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <tbody className="divide-y divide-ink-200">
          {rows.map((row) => (
            <tr key={row.label} className="even:bg-ink-50/70">
              <th scope="row" className="w-[45%] px-4 py-3 align-top font-medium text-ink-600">
                {row.label}
              </th>
              <td className="px-4 py-3 font-medium text-ink-900">{row.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
