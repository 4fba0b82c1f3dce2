'use client';

import { useActionState } from 'react';
import { Button } from '@makrx/ui';
import { Notice, TextField } from '../../../components/form-field';
import { requestOrderLink, type FindOrderState } from '../order-link-request';

/** Order number and email; the answer never says whether such an order exists. */
export function FindOrderForm() {
  const [state, send, pending] = useActionState<FindOrderState, FormData>(requestOrderLink, {
    errors: {},
    values: {},
  });
  return (
    <form action={send} noValidate className="space-y-5">
      {state.sent ? (
        <Notice tone="success" title="Check your inbox">
          If that order exists, we have sent its link to that address.
        </Notice>
      ) : null}
      {state.problem ? <Notice tone="warning">{state.problem}</Notice> : null}
      <TextField
        id="number"
        label="Order number"
        hint="On your receipt and in the confirmation email, like MX-100001."
        autoComplete="off"
        defaultValue={state.values.number}
        error={state.errors.number}
      />
      <TextField
        id="email"
        type="email"
        label="Email address"
        hint="The one you placed the order with; the link goes only there."
        autoComplete="email"
        defaultValue={state.values.email}
        error={state.errors.email}
      />
      <Button type="submit" size="lg" className="w-full" disabled={pending}>
        {pending ? 'Sending…' : 'Email me the link'}
      </Button>
    </form>
  );
}
