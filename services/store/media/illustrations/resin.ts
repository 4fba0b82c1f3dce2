import { darken, lighten, stage, text } from './canvas';

export interface ResinLook {
  colour: string;
  name: string;
  /** Clear resin shows the liquid through the bottle instead of an opaque body. */
  clear?: boolean;
}

const bottle =
  'M 300 250 C 300 226 316 212 340 212 L 460 212 C 484 212 500 226 500 250 L 500 262 ' +
  'C 540 282 560 312 560 350 L 560 620 C 560 648 540 668 512 668 L 288 668 ' +
  'C 260 668 240 648 240 620 L 240 350 C 240 312 260 282 300 262 Z';

export function resinBottle(look: ResinLook): string {
  const body = look.clear ? '#e9eef5' : look.colour;
  const liquid = look.clear ? '#f5d98b' : look.colour;
  const body3d = look.clear ? '#cfd8e3' : darken(look.colour, 0.18);
  const drop =
    'M 0 -64 C 22 -30 40 -8 40 18 C 40 42 22 60 0 60 C -22 60 -40 42 -40 18 C -40 -8 -22 -30 0 -64 Z';

  const parts = [
    `<defs><clipPath id="bottle"><path d="${bottle}"/></clipPath></defs>`,
    // cap
    `<rect x="318" y="118" width="164" height="104" rx="18" fill="#1f2937"/>`,
    ...[0, 1, 2, 3, 4, 5, 6].map(
      (i) => `<rect x="${334 + i * 20}" y="130" width="8" height="80" rx="4" fill="#374151"/>`,
    ),
    `<rect x="310" y="206" width="180" height="22" rx="8" fill="#111827"/>`,
    // bottle body
    `<path d="${bottle}" fill="${body}"/>`,
    `<g clip-path="url(#bottle)">`,
    look.clear
      ? `<rect x="230" y="330" width="340" height="360" fill="${liquid}" opacity="0.55"/>` +
        `<path d="M 230 330 Q 320 318 400 330 T 570 330" fill="none" stroke="${darken(liquid, 0.1)}" stroke-width="6" opacity="0.6"/>`
      : '',
    `<rect x="470" y="200" width="100" height="480" fill="${body3d}" opacity="0.55"/>`,
    `<rect x="268" y="300" width="26" height="340" rx="13" fill="#ffffff" opacity="${look.clear ? 0.8 : 0.28}"/>`,
    `</g>`,
    // label
    `<rect x="240" y="392" width="320" height="196" fill="#ffffff"/>`,
    `<rect x="240" y="392" width="320" height="14" fill="${look.clear ? '#f59e0b' : lighten(look.colour, 0.1)}"/>`,
    `<rect x="470" y="392" width="90" height="196" fill="#0f172a" opacity="0.06"/>`,
    text(400, 466, 'RESIN', { size: 50, weight: 800, fill: '#111827', spacing: 6 }),
    text(400, 506, look.name, { size: 26, weight: 600, fill: '#4b5563' }),
    `<rect x="318" y="530" width="164" height="38" rx="19" fill="#111827"/>`,
    text(400, 556, '1 L · 405 nm', { size: 19, weight: 700, fill: '#ffffff' }),
    // a drop of the resin beside the bottle
    `<g transform="translate(630 560)">`,
    `<path d="${drop}" fill="${look.clear ? '#f6dc92' : look.colour}" stroke="${look.clear || look.colour === '#f8fafc' ? '#cbd5e1' : 'none'}" stroke-width="3"/>`,
    `<ellipse cx="-14" cy="10" rx="9" ry="16" fill="#ffffff" opacity="0.6"/>`,
    `</g>`,
  ];
  return stage('lilac', parts.join('\n'), { shadowY: 672, shadowWidth: 230 });
}
