const hoursFormat = new Intl.NumberFormat('en-IN', { maximumFractionDigits: 1 });
const percentFormat = new Intl.NumberFormat('en-IN', {
  style: 'percent',
  maximumFractionDigits: 1,
});

/** "12.5 h". */
export const formatHours = (hours: number) => `${hoursFormat.format(hours)} h`;
/** 0.125 → "12.5%". */
export const formatShare = (share: number | null) =>
  share === null ? '—' : percentFormat.format(share);
