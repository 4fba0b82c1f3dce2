import { badge, darken, lighten, polygon, stage, text } from './canvas';

/** A NEMA 17 stepper in three-quarter view: aluminium end caps around a black stator. */
export function nemaStepper(): string {
  const size = 300;
  const x = 200;
  const y = 250;
  const depth: [number, number] = [150, -90];
  const chamfer = 34;
  const front: Array<[number, number]> = [
    [x + chamfer, y],
    [x + size - chamfer, y],
    [x + size, y + chamfer],
    [x + size, y + size - chamfer],
    [x + size - chamfer, y + size],
    [x + chamfer, y + size],
    [x, y + size - chamfer],
    [x, y + chamfer],
  ];
  const offset = (point: [number, number], t: number): [number, number] => [
    point[0] + depth[0] * t,
    point[1] + depth[1] * t,
  ];
  // side and top bands: cap (0–0.22), stator (0.22–0.78), cap (0.78–1)
  const bands: Array<[number, number, string, string]> = [
    [0, 0.22, '#aab4c0', '#cdd5de'],
    [0.22, 0.78, '#22262d', '#343a43'],
    [0.78, 1, '#9aa5b2', '#c4ccd6'],
  ];
  const edge = (a: [number, number], b: [number, number], from: number, to: number, fill: string) =>
    polygon([offset(a, from), offset(b, from), offset(b, to), offset(a, to)], `fill="${fill}"`);
  const sides = bands
    .map(
      ([from, to, side, top]) =>
        edge(front[2]!, front[3]!, from, to, side) +
        edge(front[1]!, front[2]!, from, to, darken(side, 0.08)) +
        edge(front[0]!, front[1]!, from, to, top) +
        edge(front[3]!, front[4]!, from, to, darken(side, 0.2)),
    )
    .join('');
  const sidePoint = (t: number, s: number): [number, number] =>
    offset([x + size, y + chamfer + s * (size - 2 * chamfer)], t);
  const centre: [number, number] = [x + size / 2, y + size / 2];
  const screws = [
    [x + 44, y + 44],
    [x + size - 44, y + 44],
    [x + 44, y + size - 44],
    [x + size - 44, y + size - 44],
  ]
    .map(
      ([sx, sy]) =>
        `<circle cx="${sx}" cy="${sy}" r="15" fill="#6b7280"/><circle cx="${sx}" cy="${sy}" r="7" fill="#1f2937"/>`,
    )
    .join('');
  const wires = ['#ef4444', '#3b82f6', '#22c55e', '#111827']
    .map(
      (colour, i) =>
        `<path d="M ${x + size + 85} ${y + size - 130 + i * 9} C ${x + size + 170} ${y + size - 40 + i * 9}, ${x + size + 140} ${y + size + 60}, ${x + size + 210 + i * 6} ${y + size + 70}" fill="none" stroke="${colour}" stroke-width="8" stroke-linecap="round"/>`,
    )
    .join('');
  const body = [
    wires,
    sides,
    polygon(
      [sidePoint(0.45, 0.6), sidePoint(0.72, 0.6), sidePoint(0.72, 0.88), sidePoint(0.45, 0.88)],
      'fill="#f1f5f9"',
    ),
    polygon(front, 'fill="#c2cad4"'),
    polygon(front, 'fill="none" stroke="#e5e9ee" stroke-width="4"'),
    screws,
    `<circle cx="${centre[0]}" cy="${centre[1]}" r="66" fill="#aeb7c2"/>`,
    `<circle cx="${centre[0]}" cy="${centre[1]}" r="66" fill="none" stroke="#8a95a3" stroke-width="4"/>`,
    `<circle cx="${centre[0]}" cy="${centre[1]}" r="40" fill="#d9dee5"/>`,
    // the shaft points at the viewer, slightly down-left
    `<circle cx="${centre[0]}" cy="${centre[1]}" r="24" fill="#6b7280"/>`,
    `<path d="M ${centre[0] - 24} ${centre[1]} L ${centre[0] - 94} ${centre[1] + 42} A 24 24 0 0 0 ${centre[0] - 70} ${centre[1] + 84} L ${centre[0]} ${centre[1] + 42} Z" fill="#9ca3af"/>`,
    `<ellipse cx="${centre[0] - 82}" cy="${centre[1] + 63}" rx="24" ry="24" fill="#d1d5db"/>`,
    `<path d="M ${centre[0] - 98} ${centre[1] + 52} L ${centre[0] - 66} ${centre[1] + 52}" stroke="#9ca3af" stroke-width="6"/>`,
  ];
  return stage('mint', body.join('\n'), { shadowY: 590, shadowWidth: 290 });
}

function servo(x: number, y: number, colour: string): string {
  const light = lighten(colour, 0.2);
  return [
    `<g transform="translate(${x} ${y})">`,
    `<rect x="-130" y="-20" width="260" height="40" rx="10" fill="${colour}"/>`,
    `<circle cx="-112" cy="0" r="8" fill="${darken(colour, 0.5)}"/>`,
    `<circle cx="112" cy="0" r="8" fill="${darken(colour, 0.5)}"/>`,
    `<rect x="-90" y="-90" width="180" height="200" rx="14" fill="${colour}"/>`,
    `<rect x="-90" y="-90" width="180" height="24" rx="12" fill="${light}"/>`,
    `<rect x="-84" y="-20" width="168" height="40" fill="${darken(colour, 0.12)}"/>`,
    text(0, 60, 'MG90S', { size: 26, weight: 800, fill: '#d1d5db', spacing: 2 }),
    `<circle cx="-34" cy="-104" r="40" fill="${light}"/>`,
    `<circle cx="-34" cy="-112" r="26" fill="#c0c7d0"/>`,
    // the horn
    `<rect x="-54" y="-126" width="150" height="28" rx="14" fill="#f8fafc" transform="rotate(-12 -34 -112)"/>`,
    `<circle cx="-34" cy="-112" r="9" fill="#9ca3af"/>`,
    ...[30, 56, 80].map(
      (hx) => `<circle cx="${hx - 34}" cy="${-112 - hx * 0.21}" r="4" fill="#cbd5e1"/>`,
    ),
    `</g>`,
  ].join('');
}

export function servoPack(count: string): string {
  const body = [
    `<path d="M 470 520 C 520 600, 600 600, 660 620" fill="none" stroke="#92400e" stroke-width="8" stroke-linecap="round"/>`,
    `<path d="M 480 520 C 530 590, 600 590, 664 606" fill="none" stroke="#ef4444" stroke-width="8" stroke-linecap="round"/>`,
    `<path d="M 490 520 C 540 580, 600 578, 668 592" fill="none" stroke="#f59e0b" stroke-width="8" stroke-linecap="round"/>`,
    servo(500, 360, '#3a4049'),
    servo(320, 450, '#1f2329'),
    badge(620, 210, count, '#b45309'),
  ];
  return stage('mint', body.join('\n'), { shadowY: 640, shadowWidth: 260 });
}
