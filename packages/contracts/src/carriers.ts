/**
 * The carriers the store ships with, as the admin's ship form offers them (one list for the
 * form and the service), each with the address of its public tracking page for one parcel.
 */
export const carriers = {
  usps: {
    name: 'USPS',
    trackingUrl: (n: string) => `https://tools.usps.com/go/TrackConfirmAction?tLabels=${n}`,
  },
  ups: { name: 'UPS', trackingUrl: (n: string) => `https://www.ups.com/track?tracknum=${n}` },
  fedex: {
    name: 'FedEx',
    trackingUrl: (n: string) => `https://www.fedex.com/fedextrack/?trknbr=${n}`,
  },
  dhl: {
    name: 'DHL',
    trackingUrl: (n: string) =>
      `https://www.dhl.com/us-en/home/tracking/tracking-parcel.html?submit=1&tracking-id=${n}`,
  },
} as const;

export type CarrierCode = keyof typeof carriers;
export const carrierCodes = Object.keys(carriers) as [CarrierCode, ...CarrierCode[]];

/** The carrier's page for this parcel, or undefined for a carrier the store does not know. */
export function carrierTrackingUrl(carrier: string | null, trackingNumber: string) {
  const known = carrier && carrier in carriers ? carriers[carrier as CarrierCode] : undefined;
  return known?.trackingUrl(encodeURIComponent(trackingNumber));
}

export const carrierName = (carrier: string | null) =>
  carrier && carrier in carriers ? carriers[carrier as CarrierCode].name : undefined;
