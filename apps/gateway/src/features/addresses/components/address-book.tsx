import type { SavedAddress } from '@makrx/contracts';
import { Badge, Button, Card, ConfirmDialog, EmptyState, MapPinIcon } from '@makrx/ui';
import { useState } from 'react';
import { useDeleteAddress, useMakeDefault } from '../api';
import { AddressForm } from './address-form';
import { countryName } from './countries';

function AddressLines({ address }: { address: SavedAddress }) {
  return (
    <address className="text-sm leading-6 text-ink-700 not-italic">
      <span className="block font-semibold text-ink-950">{address.name}</span>
      <span className="block">{address.line1}</span>
      {address.line2 ? <span className="block">{address.line2}</span> : null}
      <span className="block">
        {[address.city, address.region, address.postalCode].filter(Boolean).join(', ')}
      </span>
      <span className="block">{countryName(address.country)}</span>
      {address.phone ? <span className="block">{address.phone}</span> : null}
    </address>
  );
}

function AddressCard({ address, onEdit }: { address: SavedAddress; onEdit: () => void }) {
  const makeDefault = useMakeDefault();
  const remove = useDeleteAddress();
  const [confirming, setConfirming] = useState(false);
  return (
    <li>
      <Card className="flex h-full flex-col gap-4 p-5">
        <div className="flex items-start justify-between gap-3">
          <AddressLines address={address} />
          {address.isDefault ? <Badge tone="accent">Default</Badge> : null}
        </div>
        <div className="mt-auto flex flex-wrap gap-2">
          <Button
            size="sm"
            variant="secondary"
            onClick={onEdit}
            aria-label={`Edit ${address.name}, ${address.line1}`}
          >
            Edit
          </Button>
          {address.isDefault ? null : (
            <Button
              size="sm"
              variant="ghost"
              disabled={makeDefault.isPending}
              onClick={() => makeDefault.mutate(address.id)}
              aria-label={`Make ${address.name}, ${address.line1} the default`}
            >
              Make default
            </Button>
          )}
          <Button
            size="sm"
            variant="ghost"
            onClick={() => setConfirming(true)}
            aria-label={`Delete ${address.name}, ${address.line1}`}
          >
            Delete
          </Button>
        </div>
        {makeDefault.isError ? (
          <p role="alert" className="text-sm text-red-700">
            {makeDefault.error.message}
          </p>
        ) : null}
      </Card>
      <ConfirmDialog
        open={confirming}
        title="Delete this address?"
        confirmLabel="Delete address"
        pendingLabel="Deleting…"
        tone="danger"
        pending={remove.isPending}
        error={remove.isError ? remove.error.message : undefined}
        onConfirm={() => remove.mutate(address.id, { onSuccess: () => setConfirming(false) })}
        onCancel={() => setConfirming(false)}
      >
        <p>
          {address.name}, {address.line1}, {address.city} will no longer be offered at checkout.
          {address.isDefault ? ' Your oldest other address becomes the default.' : ''}
        </p>
      </ConfirmDialog>
    </li>
  );
}

/** The user's saved addresses, each editable in place, and a form to add one. */
export function AddressBook({ addresses }: { addresses: SavedAddress[] }) {
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  return (
    <div className="space-y-6">
      {addresses.length === 0 && editing !== 'new' ? (
        <EmptyState
          icon={<MapPinIcon />}
          title="No saved addresses yet"
          description="Save the places you ship to, and MakrX.Store’s checkout starts from your default."
          action={<Button onClick={() => setEditing('new')}>Add an address</Button>}
        />
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2">
          {addresses.map((address) =>
            editing === address.id ? (
              <li key={address.id} className="sm:col-span-2">
                <Card className="p-5">
                  <h3 className="mb-4 text-base font-semibold text-ink-950">Edit address</h3>
                  <AddressForm
                    address={address}
                    first={false}
                    onDone={() => setEditing(null)}
                    onCancel={() => setEditing(null)}
                  />
                </Card>
              </li>
            ) : (
              <AddressCard
                key={address.id}
                address={address}
                onEdit={() => setEditing(address.id)}
              />
            ),
          )}
        </ul>
      )}
      {editing === 'new' ? (
        <Card className="p-5">
          <h3 className="mb-4 text-base font-semibold text-ink-950">New address</h3>
          <AddressForm
            first={addresses.length === 0}
            onDone={() => setEditing(null)}
            onCancel={() => setEditing(null)}
          />
        </Card>
      ) : addresses.length > 0 ? (
        <Button variant="secondary" onClick={() => setEditing('new')}>
          Add an address
        </Button>
      ) : null}
    </div>
  );
}
