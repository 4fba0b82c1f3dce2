import { badge, darken, lighten, polygon, round, seededRandom, stage } from './canvas';

export interface NozzleMetal {
  body: string;
  label: string;
}

/** One nozzle drawn upright: thread, hex body, cone and tip; `x,y` is the top centre. */
function nozzle(x: number, y: number, metal: string, scale = 1): string {
  const light = lighten(metal, 0.35);
  const dark = darken(metal, 0.28);
  const threads = Array.from(
    { length: 7 },
    (_, i) =>
      `<rect x="-30" y="${8 + i * 12}" width="60" height="5" rx="2.5" fill="${dark}" opacity="0.55"/>`,
  ).join('');
  return [
    `<g transform="translate(${x} ${y}) scale(${scale})">`,
    `<rect x="-30" y="0" width="60" height="94" rx="6" fill="${metal}"/>`,
    threads,
    `<rect x="-22" y="0" width="10" height="94" fill="#ffffff" opacity="0.25"/>`,
    // hex body: three visible faces
    polygon(
      [
        [-58, 94],
        [-30, 94],
        [-30, 178],
        [-58, 178],
      ],
      `fill="${dark}"`,
    ),
    polygon(
      [
        [-30, 94],
        [30, 94],
        [30, 178],
        [-30, 178],
      ],
      `fill="${metal}"`,
    ),
    polygon(
      [
        [30, 94],
        [58, 94],
        [58, 178],
        [30, 178],
      ],
      `fill="${light}"`,
    ),
    `<rect x="-58" y="94" width="116" height="8" fill="#ffffff" opacity="0.25"/>`,
    // cone and tip
    polygon(
      [
        [-40, 178],
        [40, 178],
        [12, 246],
        [-12, 246],
      ],
      `fill="${metal}"`,
    ),
    polygon(
      [
        [10, 178],
        [40, 178],
        [12, 246],
        [4, 246],
      ],
      `fill="${light}" opacity="0.7"`,
    ),
    `<rect x="-12" y="244" width="24" height="14" rx="3" fill="${dark}"/>`,
    `</g>`,
  ].join('');
}

export function nozzleSet(metal: string, size: string): string {
  const body = [
    `<rect x="150" y="560" width="500" height="70" rx="20" fill="#1f2937"/>`,
    `<rect x="150" y="560" width="500" height="16" rx="8" fill="#374151"/>`,
    nozzle(240, 280, metal, 1),
    nozzle(400, 230, metal, 1.18),
    nozzle(560, 280, metal, 1),
    badge(400, 130, size, '#1f2937'),
  ];
  return stage('sky', body.join('\n'), { shadowY: 640, shadowWidth: 280 });
}

/** Nozzles seen from above in a compartment box, with one standing in front. */
export function nozzleAssortment(metal: string, count: string): string {
  const hexTop = (x: number, y: number, r: number): string => {
    const points: Array<[number, number]> = Array.from({ length: 6 }, (_, i) => {
      const angle = (Math.PI / 3) * i + Math.PI / 6;
      return [x + Math.cos(angle) * r, y + Math.sin(angle) * r];
    });
    return (
      polygon(points, `fill="${metal}" stroke="${darken(metal, 0.3)}" stroke-width="3"`) +
      `<circle cx="${x}" cy="${y}" r="${r * 0.55}" fill="${lighten(metal, 0.3)}"/>` +
      `<circle cx="${x}" cy="${y}" r="${r * 0.2}" fill="${darken(metal, 0.5)}"/>`
    );
  };
  const cells: string[] = [];
  for (let row = 0; row < 4; row += 1) {
    for (let col = 0; col < 6; col += 1) {
      const x = 180 + col * 72;
      const y = 215 + row * 72;
      cells.push(
        `<rect x="${x - 32}" y="${y - 32}" width="64" height="64" rx="10" fill="#e2e8f0"/>`,
      );
      cells.push(hexTop(x, y, 24));
    }
  }
  const body = [
    `<rect x="124" y="160" width="464" height="320" rx="26" fill="#334155"/>`,
    `<rect x="136" y="172" width="440" height="296" rx="18" fill="#f8fafc"/>`,
    ...cells,
    nozzle(600, 360, metal, 1.1),
    badge(250, 570, count, '#1f2937'),
  ];
  return stage('sky', body.join('\n'), { shadowY: 660, shadowWidth: 300 });
}

/** A textured PEI spring-steel sheet lying on its magnetic base, seen in perspective. */
export function peiSheet(size: string): string {
  const corners: Array<[number, number]> = [
    [210, 250],
    [650, 290],
    [590, 580],
    [130, 530],
  ];
  // bilinear map of (u, v) in [0, 1]² onto the sheet, so the texture follows the perspective
  const at = (u: number, v: number): [number, number] => {
    const [a, b, c, d] = corners as [
      [number, number],
      [number, number],
      [number, number],
      [number, number],
    ];
    const top: [number, number] = [a[0] + (b[0] - a[0]) * u, a[1] + (b[1] - a[1]) * u];
    const bottom: [number, number] = [d[0] + (c[0] - d[0]) * u, d[1] + (c[1] - d[1]) * u];
    return [top[0] + (bottom[0] - top[0]) * v, top[1] + (bottom[1] - top[1]) * v];
  };
  const random = seededRandom(7);
  const grains: string[] = [];
  for (let i = 0; i < 1100; i += 1) {
    const [x, y] = at(random(), random());
    grains.push(
      `<circle cx="${round(x)}" cy="${round(y)}" r="${round(1.4 + random() * 2.4)}" fill="${random() > 0.5 ? '#9a5b0c' : '#fde7a6'}" opacity="0.55"/>`,
    );
  }
  const shifted = (dx: number, dy: number): Array<[number, number]> =>
    corners.map(([x, y]) => [x + dx, y + dy] as [number, number]);
  const body = [
    polygon(shifted(0, 26), 'fill="#111827"'),
    polygon([corners[3]!, corners[2]!, [590, 592], [130, 542]], 'fill="#7c4a0b"'),
    polygon(corners, 'fill="#cf9a3e"'),
    `<g>${grains.join('')}</g>`,
    polygon([at(0, 0), at(1, 0), at(1, 0.05), at(0, 0.05)], 'fill="#ffffff" opacity="0.28"'),
    // the lifting tab at the front edge
    polygon(
      [
        at(0.42, 1),
        at(0.58, 1),
        [at(0.58, 1)[0] - 4, at(0.58, 1)[1] + 44],
        [at(0.42, 1)[0] - 4, at(0.42, 1)[1] + 44],
      ],
      'fill="#b7832f"',
    ),
    badge(640, 180, size, '#1f2937'),
  ];
  return stage('sky', body.join('\n'), { shadowY: 630, shadowWidth: 310 });
}
