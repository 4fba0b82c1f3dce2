import { formatPrice, Button, Skeleton } from '@makrx/ui';
import { useId, useState } from 'react';
import { useSaveShippingMethod, useStoreShippingMethods } from '../api';

const noPreference = {
  code: '',
  name: 'No preference',
  description: 'Choose at each checkout.',
  rateCents: null,
};

/** The shipping method MakrX.Store's checkout starts from, among those the store offers. */
export function ShippingMethodForm({ current }: { current: string | null }) {
  const id = useId();
  const methods = useStoreShippingMethods();
  const save = useSaveShippingMethod();
  const [chosen, setChosen] = useState(current ?? '');
  if (methods.isPending) return <Skeleton className="h-40 w-full" />;
  const options: Array<{
    code: string;
    name: string;
    description: string;
    rateCents: number | null;
  }> = methods.data?.items ?? [];
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(chosen || null);
      }}
    >
      <fieldset>
        <legend className="sr-only">Default shipping method</legend>
        {methods.isError ? (
          <p className="mb-3 text-sm text-ink-700">
            MakrX.Store’s shipping methods could not be loaded just now; your current choice is
            kept.
          </p>
        ) : null}
        <div className="space-y-2">
          {[noPreference, ...options].map((method) => (
            <label
              key={method.code || 'none'}
              className="flex cursor-pointer items-start gap-3 rounded-xl border border-ink-200 bg-white p-3 has-checked:border-accent-600 has-checked:bg-accent-50"
            >
              <input
                type="radio"
                name={`${id}-method`}
                value={method.code}
                checked={chosen === method.code}
                onChange={() => setChosen(method.code)}
                className="mt-1 size-4 accent-accent-600"
              />
              <span className="text-sm">
                <span className="block font-semibold text-ink-950">
                  {method.name}
                  {method.rateCents === null ? null : (
                    <span className="font-normal text-ink-600">
                      {' · '}
                      {method.rateCents === 0 ? 'Free' : formatPrice(method.rateCents, 'USD')}
                    </span>
                  )}
                </span>
                <span className="block text-ink-600">{method.description}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="mt-4 flex items-center gap-3">
        <Button type="submit" variant="secondary" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save shipping method'}
        </Button>
        <p role="status" className="text-sm text-ink-600">
          {save.isSuccess ? 'Saved.' : ''}
        </p>
      </div>
      {save.isError ? (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {save.error.message}
        </p>
      ) : null}
    </form>
  );
}
