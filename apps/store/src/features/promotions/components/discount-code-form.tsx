import { Button } from '@makrx/ui';
import { applyDiscountCode, removeDiscountCode } from '../discount-actions';

/** Enter a discount code, or take off the one applied; a plain form, so it works without JS. */
export function DiscountCodeForm({
  applied,
  problem,
  returnTo,
}: {
  applied?: string;
  problem?: string | null;
  returnTo: string;
}) {
  if (applied) {
    return (
      <form action={removeDiscountCode} className="mt-4 flex items-center justify-between gap-3">
        <input type="hidden" name="returnTo" value={returnTo} />
        <p className="text-sm text-ink-700">
          Code <span className="font-mono font-semibold text-ink-950">{applied}</span> applied
        </p>
        <Button type="submit" variant="ghost" size="sm">
          Remove<span className="sr-only"> discount code {applied}</span>
        </Button>
      </form>
    );
  }
  return (
    <form action={applyDiscountCode} className="mt-4">
      <input type="hidden" name="returnTo" value={returnTo} />
      <label htmlFor="discount-code" className="block text-sm font-medium text-ink-900">
        Discount code
      </label>
      <div className="mt-1.5 flex gap-2">
        <input
          id="discount-code"
          name="discountCode"
          required
          maxLength={40}
          autoComplete="off"
          autoCapitalize="characters"
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? 'discount-code-problem' : undefined}
          className="block h-9 min-w-0 flex-1 rounded-lg border-0 bg-white px-3 font-mono text-sm text-ink-950 uppercase shadow-sm ring-1 ring-ink-300 ring-inset placeholder:text-ink-400 focus:ring-2 focus:ring-accent-600 focus:outline-none"
        />
        <Button type="submit" variant="secondary" size="sm" className="h-9">
          Apply
        </Button>
      </div>
      {problem ? (
        <p id="discount-code-problem" role="alert" className="mt-2 text-sm text-red-700">
          {problem}
        </p>
      ) : null}
    </form>
  );
}
