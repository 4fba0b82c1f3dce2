import type { ShippingAddressInput } from '@makrx/contracts';

export function ShippingAddress({ address }: { address: ShippingAddressInput }) {
  return (
    <address className="text-sm leading-6 text-ink-700 not-italic">
      <span className="font-medium text-ink-950">{address.name}</span>
      <br />
      {address.line1}
      {address.line2 ? (
        <>
          <br />
          {address.line2}
        </>
      ) : null}
      <br />
      {address.city}
      {address.region ? `, ${address.region}` : ''} {address.postalCode}
      <br />
      {address.country}
      {address.phone ? (
        <>
          <br />
          Phone: {address.phone}
        </>
      ) : null}
    </address>
  );
}
