/** Shared drawing helpers: every product illustration sits on the same 800×800 stage. */

export type Backdrop = 'peach' | 'lilac' | 'mint' | 'sky' | 'sand' | 'mist';

const backdrops: Record<Backdrop, { from: string; to: string; halo: string }> = {
  peach: { from: '#fff7ed', to: '#fde6cc', halo: '#fffaf3' },
  lilac: { from: '#f7f4ff', to: '#e6defc', halo: '#fbfaff' },
  mint: { from: '#f0faf5', to: '#d5efe3', halo: '#f8fdfa' },
  sky: { from: '#f1f7fd', to: '#d8e7f6', halo: '#f9fbfe' },
  sand: { from: '#faf6ee', to: '#ede2cd', halo: '#fdfbf6' },
  mist: { from: '#f4f6f8', to: '#dfe5eb', halo: '#fafbfc' },
};

function channel(hex: string, index: number): number {
  return parseInt(hex.slice(1 + index * 2, 3 + index * 2), 16);
}

/** Linear blend of two #rrggbb colours; t = 0 gives `a`, t = 1 gives `b`. */
export function mix(a: string, b: string, t: number): string {
  const parts = [0, 1, 2].map((i) =>
    Math.round(channel(a, i) + (channel(b, i) - channel(a, i)) * t)
      .toString(16)
      .padStart(2, '0'),
  );
  return `#${parts.join('')}`;
}

export const lighten = (hex: string, t: number): string => mix(hex, '#ffffff', t);
export const darken = (hex: string, t: number): string => mix(hex, '#000000', t);

/** A small deterministic PRNG so regenerating the images gives byte-identical files. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export const round = (value: number): number => Math.round(value * 10) / 10;

export function polygon(points: Array<[number, number]>, attrs: string): string {
  const list = points.map(([x, y]) => `${round(x)},${round(y)}`).join(' ');
  return `<polygon points="${list}" ${attrs}/>`;
}

export function text(
  x: number,
  y: number,
  content: string,
  { size = 28, weight = 700, fill = '#1f2937', anchor = 'middle', spacing = 0 } = {},
): string {
  return (
    `<text x="${x}" y="${y}" font-family="'Inter','Segoe UI',system-ui,sans-serif" ` +
    `font-size="${size}" font-weight="${weight}" fill="${fill}" text-anchor="${anchor}" ` +
    `letter-spacing="${spacing}">${content}</text>`
  );
}

/** A small rounded tag, used for quantities such as "×10" or sizes such as "0.4". */
export function badge(x: number, y: number, label: string, fill = '#1f2937'): string {
  const width = 36 + label.length * 22;
  return (
    `<g><rect x="${x - width / 2}" y="${y - 34}" width="${width}" height="68" rx="34" fill="${fill}"/>` +
    text(x, y + 13, label, { size: 36, weight: 800, fill: '#ffffff' }) +
    `</g>`
  );
}

/** The stage: soft gradient, a halo behind the object and a contact shadow under it. */
export function stage(
  backdrop: Backdrop,
  body: string,
  { shadowY = 660, shadowWidth = 250, title = '' } = {},
): string {
  const colours = backdrops[backdrop];
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 800 800" width="800" height="800" role="img" aria-label="${title}">`,
    `<defs>`,
    `<linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${colours.from}"/><stop offset="1" stop-color="${colours.to}"/></linearGradient>`,
    `<radialGradient id="halo" cx="0.5" cy="0.45" r="0.5"><stop offset="0" stop-color="${colours.halo}" stop-opacity="0.95"/><stop offset="1" stop-color="${colours.halo}" stop-opacity="0"/></radialGradient>`,
    `<radialGradient id="shadow" cx="0.5" cy="0.5" r="0.5"><stop offset="0" stop-color="#1f2937" stop-opacity="0.22"/><stop offset="1" stop-color="#1f2937" stop-opacity="0"/></radialGradient>`,
    `</defs>`,
    `<rect width="800" height="800" fill="url(#bg)"/>`,
    `<circle cx="400" cy="380" r="340" fill="url(#halo)"/>`,
    `<ellipse cx="400" cy="${shadowY}" rx="${shadowWidth}" ry="${Math.round(shadowWidth * 0.14)}" fill="url(#shadow)"/>`,
    body,
    `</svg>`,
    '',
  ].join('\n');
}
