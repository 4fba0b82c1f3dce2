import { darken, lighten, round, seededRandom, stage, text } from './canvas';

export interface SpoolLook {
  colour: string;
  material: string;
  weight: string;
  sparkle?: boolean;
  translucent?: boolean;
  /** 500 g spools are drawn a little smaller. */
  small?: boolean;
  flange?: string;
}

const cx = 380;
const cy = 370;

function windings(radiusFrom: number, radiusTo: number, colour: string): string {
  const rings: string[] = [];
  for (let r = radiusFrom; r <= radiusTo; r += 8) {
    rings.push(
      `<circle cx="${cx}" cy="${cy}" r="${r}" fill="none" stroke="${colour}" stroke-width="2" opacity="0.35"/>`,
    );
  }
  return rings.join('');
}

function sparkles(inner: number, outer: number): string {
  const random = seededRandom(42);
  const dots: string[] = [];
  for (let i = 0; i < 130; i += 1) {
    const angle = random() * Math.PI * 2;
    const radius = inner + random() * (outer - inner);
    const x = round(cx + Math.cos(angle) * radius);
    const y = round(cy + Math.sin(angle) * radius);
    const size = round(1.2 + random() * 2.8);
    const tint = random() > 0.7 ? '#c4b5fd' : '#e5e7eb';
    dots.push(
      `<circle cx="${x}" cy="${y}" r="${size}" fill="${tint}" opacity="${round(0.45 + random() * 0.55)}"/>`,
    );
  }
  return dots.join('');
}

function spokes(inner: number, outer: number, fill: string): string {
  return [0, 120, 240]
    .map(
      (angle) =>
        `<rect x="${cx - 14}" y="${cy - outer}" width="28" height="${outer - inner + 4}" rx="10" fill="${fill}" transform="rotate(${angle + 30} ${cx} ${cy})"/>`,
    )
    .join('');
}

export function filamentSpool(look: SpoolLook): string {
  const scale = look.small ? 0.86 : 1;
  const flange = look.flange ?? '#2b2f36';
  const outer = 250;
  const fillOuter = 228;
  const hub = 108;
  const filamentOpacity = look.translucent ? 0.78 : 1;
  const strandEnd = `M ${cx - 150} ${cy + 172} C ${cx - 200} ${cy + 240}, ${cx - 250} ${cy + 262}, ${cx - 290} ${cy + 236}`;

  const body = [
    `<g transform="translate(${cx} ${cy}) scale(${scale}) translate(${-cx} ${-cy})">`,
    // the rear flange, offset to give the spool depth
    `<circle cx="${cx + 26}" cy="${cy - 16}" r="${outer}" fill="${darken(flange, 0.25)}"/>`,
    `<circle cx="${cx}" cy="${cy}" r="${outer}" fill="${lighten(flange, 0.08)}"/>`,
    `<circle cx="${cx}" cy="${cy}" r="${fillOuter}" fill="${look.colour}" opacity="${filamentOpacity}"/>`,
    windings(hub + 10, fillOuter - 4, darken(look.colour, 0.35)),
    look.translucent
      ? `<circle cx="${cx}" cy="${cy}" r="${fillOuter - 40}" fill="none" stroke="#ffffff" stroke-width="26" opacity="0.18"/>`
      : '',
    look.sparkle ? sparkles(hub + 8, fillOuter - 6) : '',
    // soft highlight across the winding
    `<path d="M ${cx - 190} ${cy - 40} A 196 196 0 0 1 ${cx - 40} ${cy - 192}" fill="none" stroke="#ffffff" stroke-width="22" stroke-linecap="round" opacity="${look.colour === '#f8fafc' ? 0.9 : 0.22}"/>`,
    spokes(hub - 6, fillOuter + 8, flange),
    `<circle cx="${cx}" cy="${cy}" r="${outer}" fill="none" stroke="${flange}" stroke-width="22"/>`,
    `<circle cx="${cx}" cy="${cy}" r="${outer - 11}" fill="none" stroke="${lighten(flange, 0.25)}" stroke-width="2" opacity="0.6"/>`,
    `<circle cx="${cx}" cy="${cy}" r="${hub}" fill="${flange}"/>`,
    `<circle cx="${cx}" cy="${cy}" r="${hub - 14}" fill="none" stroke="${lighten(flange, 0.18)}" stroke-width="3"/>`,
    `<circle cx="${cx}" cy="${cy}" r="38" fill="${darken(flange, 0.45)}"/>`,
    `<circle cx="${cx}" cy="${cy}" r="38" fill="none" stroke="${lighten(flange, 0.3)}" stroke-width="3"/>`,
    // the loose end of the filament
    `<path d="${strandEnd}" fill="none" stroke="${darken(look.colour, 0.15)}" stroke-width="11" stroke-linecap="round" opacity="${filamentOpacity}"/>`,
    `<path d="${strandEnd}" fill="none" stroke="#ffffff" stroke-width="3" stroke-linecap="round" opacity="0.35" transform="translate(-2 -3)"/>`,
    `</g>`,
    // a hang tag naming the material
    `<g transform="rotate(-5 ${cx + 200} ${cy + 220})">`,
    `<rect x="${cx + 96}" y="${cy + 178}" width="256" height="104" rx="22" fill="#1f2937" opacity="0.12" transform="translate(6 10)"/>`,
    `<rect x="${cx + 96}" y="${cy + 178}" width="256" height="104" rx="22" fill="#ffffff"/>`,
    `<rect x="${cx + 112}" y="${cy + 196}" width="14" height="68" rx="7" fill="${look.colour === '#f8fafc' ? '#cbd5e1' : look.colour}"/>`,
    text(cx + 144, cy + 232, look.material, {
      size: 40,
      weight: 800,
      fill: '#111827',
      anchor: 'start',
      spacing: 1,
    }),
    text(cx + 144, cy + 262, `1.75 mm · ${look.weight}`, {
      size: 22,
      weight: 600,
      fill: '#4b5563',
      anchor: 'start',
    }),
    `</g>`,
  ].join('\n');

  return stage('peach', body, { shadowY: 650, shadowWidth: 240 });
}
