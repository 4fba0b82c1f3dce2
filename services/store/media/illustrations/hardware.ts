import { badge, darken, lighten, polygon, stage } from './canvas';

/** A socket head cap screw lying at a slight angle, head to the left. */
function capScrew(x: number, y: number, length: number, colour: string, scale = 1): string {
  const threads = Array.from(
    { length: Math.floor(length / 14) },
    (_, i) =>
      `<rect x="${58 + i * 14}" y="-22" width="6" height="44" rx="3" fill="${darken(colour, 0.4)}" opacity="0.7"/>`,
  ).join('');
  return [
    `<g transform="translate(${x} ${y}) scale(${scale})">`,
    `<rect x="50" y="-22" width="${length}" height="44" rx="6" fill="${colour}"/>`,
    threads,
    `<rect x="50" y="-22" width="${length}" height="10" rx="5" fill="#ffffff" opacity="0.18"/>`,
    `<rect x="-10" y="-46" width="64" height="92" rx="14" fill="${darken(colour, 0.15)}"/>`,
    `<ellipse cx="-10" cy="0" rx="26" ry="46" fill="${lighten(colour, 0.15)}"/>`,
    polygon(
      Array.from({ length: 6 }, (_, i) => {
        const angle = (Math.PI / 3) * i;
        return [-10 + Math.cos(angle) * 10, Math.sin(angle) * 18] as [number, number];
      }),
      `fill="${darken(colour, 0.55)}"`,
    ),
    `</g>`,
  ].join('');
}

/** An organiser box seen from above, each compartment holding a few parts. */
function organiser(fillCell: (x: number, y: number, index: number) => string): string {
  const cells: string[] = [];
  for (let row = 0; row < 3; row += 1) {
    for (let col = 0; col < 4; col += 1) {
      const x = 150 + col * 118;
      const y = 170 + row * 118;
      cells.push(`<rect x="${x}" y="${y}" width="106" height="106" rx="12" fill="#e2e8f0"/>`);
      cells.push(fillCell(x + 53, y + 53, row * 4 + col));
    }
  }
  return [
    `<rect x="124" y="144" width="498" height="380" rx="26" fill="#1e293b"/>`,
    `<rect x="136" y="156" width="474" height="356" rx="18" fill="#f8fafc"/>`,
    ...cells,
  ].join('');
}

export function screwKit(colour: string, count: string): string {
  const tiny = (x: number, y: number, index: number): string => {
    const length = 26 + (index % 6) * 6;
    return [-1, 0, 1].map((k) => capScrew(x - 30, y + k * 26 - 2, length, colour, 0.42)).join('');
  };
  const body = [
    organiser(tiny),
    capScrew(380, 600, 260, colour, 1),
    badge(640, 150, count, '#1f2937'),
  ];
  return stage('mist', body.join('\n'), { shadowY: 660, shadowWidth: 300 });
}

function insert(x: number, y: number, scale: number): string {
  const brass = '#d4a03c';
  const knurl = Array.from(
    { length: 7 },
    (_, i) =>
      `<path d="M ${-36 + i * 12} -36 l 12 24 M ${-36 + i * 12} 8 l 12 24" stroke="${darken(brass, 0.35)}" stroke-width="4" stroke-linecap="round"/>`,
  ).join('');
  return [
    `<g transform="translate(${x} ${y}) scale(${scale})">`,
    `<rect x="-40" y="-44" width="80" height="88" rx="10" fill="${brass}"/>`,
    `<rect x="-44" y="-6" width="88" height="10" fill="${darken(brass, 0.2)}"/>`,
    knurl,
    `<rect x="-40" y="-44" width="16" height="88" rx="8" fill="#ffffff" opacity="0.28"/>`,
    `<ellipse cx="0" cy="-44" rx="40" ry="12" fill="${lighten(brass, 0.25)}"/>`,
    `<ellipse cx="0" cy="-44" rx="18" ry="6" fill="${darken(brass, 0.55)}"/>`,
    `</g>`,
  ].join('');
}

export function heatSetInserts(count: string): string {
  const body = [
    organiser((x, y, index) =>
      [
        [-22, -18],
        [22, -14],
        [0, 22],
      ]
        .map(([dx, dy]) => insert(x + dx!, y + dy!, 0.34 + (index % 3) * 0.04))
        .join(''),
    ),
    insert(560, 580, 1.4),
    insert(440, 620, 1.1),
    badge(200, 600, count, '#1f2937'),
  ];
  return stage('mist', body.join('\n'), { shadowY: 680, shadowWidth: 300 });
}

function bearing(x: number, y: number, r: number): string {
  return [
    `<circle cx="${x + 8}" cy="${y + 14}" r="${r}" fill="#0f172a" opacity="0.12"/>`,
    `<circle cx="${x}" cy="${y}" r="${r}" fill="#cbd5e1"/>`,
    `<circle cx="${x}" cy="${y}" r="${r * 0.92}" fill="#e2e8f0"/>`,
    `<circle cx="${x}" cy="${y}" r="${r * 0.82}" fill="#334155"/>`,
    `<circle cx="${x}" cy="${y}" r="${r * 0.72}" fill="none" stroke="#475569" stroke-width="${r * 0.04}"/>`,
    `<circle cx="${x}" cy="${y}" r="${r * 0.5}" fill="none" stroke="#475569" stroke-width="${r * 0.03}"/>`,
    `<circle cx="${x}" cy="${y}" r="${r * 0.4}" fill="#cbd5e1"/>`,
    `<circle cx="${x}" cy="${y}" r="${r * 0.3}" fill="${darken('#dfe5eb', 0.12)}"/>`,
    `<path d="M ${x - r * 0.86} ${y - r * 0.3} A ${r * 0.92} ${r * 0.92} 0 0 1 ${x - r * 0.3} ${y - r * 0.86}" fill="none" stroke="#ffffff" stroke-width="${r * 0.06}" stroke-linecap="round" opacity="0.9"/>`,
  ].join('');
}

export function bearingPack(count: string): string {
  const body = [
    bearing(300, 470, 150),
    bearing(500, 330, 150),
    bearing(560, 560, 95),
    badge(210, 220, count, '#1f2937'),
  ];
  return stage('mist', body.join('\n'), { shadowY: 660, shadowWidth: 300 });
}
