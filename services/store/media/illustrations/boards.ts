import { darken, lighten, stage, text } from './canvas';

const gold = '#e2b13c';

/** A row of header pins: black plastic strip with gold pins, horizontal. */
function headerRow(x: number, y: number, pins: number, pitch = 26): string {
  const width = pins * pitch;
  const pinDots = Array.from(
    { length: pins },
    (_, i) =>
      `<rect x="${x + i * pitch + pitch / 2 - 5}" y="${y + 6}" width="10" height="10" rx="2" fill="${gold}"/>`,
  ).join('');
  return `<rect x="${x}" y="${y}" width="${width}" height="22" rx="4" fill="#111827"/>${pinDots}`;
}

function mountHole(x: number, y: number, board: string): string {
  return `<circle cx="${x}" cy="${y}" r="15" fill="${gold}"/><circle cx="${x}" cy="${y}" r="8" fill="${darken(board, 0.55)}"/>`;
}

function chip(x: number, y: number, size: number, legs = 6, label = ''): string {
  const legList: string[] = [];
  const step = size / (legs + 1);
  for (let i = 1; i <= legs; i += 1) {
    legList.push(
      `<rect x="${x + i * step - 3}" y="${y - 8}" width="6" height="10" fill="#cbd5e1"/>`,
    );
    legList.push(
      `<rect x="${x + i * step - 3}" y="${y + size - 2}" width="6" height="10" fill="#cbd5e1"/>`,
    );
    legList.push(
      `<rect x="${x - 8}" y="${y + i * step - 3}" width="10" height="6" fill="#cbd5e1"/>`,
    );
    legList.push(
      `<rect x="${x + size - 2}" y="${y + i * step - 3}" width="10" height="6" fill="#cbd5e1"/>`,
    );
  }
  return [
    ...legList,
    `<rect x="${x}" y="${y}" width="${size}" height="${size}" rx="6" fill="#1f2328"/>`,
    `<circle cx="${x + 12}" cy="${y + 12}" r="4" fill="#4b5563"/>`,
    label
      ? text(x + size / 2, y + size / 2 + 7, label, { size: 18, weight: 700, fill: '#9ca3af' })
      : '',
  ].join('');
}

function usbPort(x: number, y: number, width: number, height: number): string {
  return `<rect x="${x}" y="${y}" width="${width}" height="${height}" rx="8" fill="#cbd5e1"/><rect x="${x + 6}" y="${y + 8}" width="${width - 12}" height="${height - 16}" rx="5" fill="#64748b"/>`;
}

function pcb(x: number, y: number, width: number, height: number, colour: string): string {
  return [
    `<rect x="${x + 10}" y="${y + 14}" width="${width}" height="${height}" rx="18" fill="${darken(colour, 0.35)}"/>`,
    `<rect x="${x}" y="${y}" width="${width}" height="${height}" rx="18" fill="${colour}"/>`,
    `<rect x="${x + 6}" y="${y + 6}" width="${width - 12}" height="${height - 12}" rx="14" fill="none" stroke="${lighten(colour, 0.18)}" stroke-width="2" opacity="0.7"/>`,
  ].join('');
}

function traces(colour: string, paths: string[]): string {
  return paths
    .map(
      (d) =>
        `<path d="${d}" fill="none" stroke="${lighten(colour, 0.14)}" stroke-width="4" stroke-linecap="round" stroke-linejoin="round" opacity="0.8"/>`,
    )
    .join('');
}

export function esp32DevKit(): string {
  const board = '#1b1e24';
  const body = [
    `<g transform="rotate(-8 400 400)">`,
    pcb(180, 250, 460, 250, board),
    headerRow(230, 262, 15),
    headerRow(230, 466, 15),
    traces(board, ['M 300 330 L 360 330 L 380 350 L 440 350', 'M 300 420 L 420 420 L 440 400']),
    // the ESP-WROOM module with its can and antenna
    `<rect x="448" y="300" width="178" height="150" rx="8" fill="#111827"/>`,
    `<rect x="456" y="308" width="112" height="134" rx="6" fill="#cbd5e1"/>`,
    `<rect x="456" y="308" width="112" height="20" rx="6" fill="#e2e8f0"/>`,
    text(512, 384, 'ESP32', { size: 22, weight: 800, fill: '#475569' }),
    `<path d="M 582 312 L 612 312 L 612 332 L 586 332 L 586 352 L 612 352 L 612 372 L 586 372 L 586 392 L 612 392 L 612 436" fill="none" stroke="${gold}" stroke-width="6" stroke-linejoin="round"/>`,
    usbPort(160, 344, 70, 62),
    `<rect x="262" y="312" width="28" height="20" rx="4" fill="#e5e7eb"/>`,
    `<rect x="262" y="420" width="28" height="20" rx="4" fill="#e5e7eb"/>`,
    `<circle cx="330" cy="380" r="9" fill="#ef4444"/>`,
    `<circle cx="330" cy="380" r="18" fill="#ef4444" opacity="0.25"/>`,
    chip(360, 372, 48, 4),
    `</g>`,
  ];
  return stage('mint', body.join('\n'), { shadowY: 610, shadowWidth: 280 });
}

export function arduinoUnoR4(): string {
  const board = '#0f8b8d';
  const body = [
    `<g transform="rotate(-6 400 400)">`,
    pcb(170, 200, 470, 360, board),
    headerRow(300, 214, 10, 26),
    headerRow(380, 524, 8, 26),
    headerRow(250, 524, 4, 26),
    // USB-C and barrel jack on the left edge
    usbPort(150, 250, 74, 56),
    `<rect x="146" y="430" width="110" height="90" rx="10" fill="#111827"/>`,
    `<circle cx="188" cy="475" r="22" fill="#374151"/>`,
    `<circle cx="188" cy="475" r="8" fill="#9ca3af"/>`,
    chip(420, 330, 110, 8, 'RA4M1'),
    traces(board, [
      'M 250 330 L 330 330 L 350 350 L 400 350',
      'M 250 380 L 380 380',
      'M 560 300 L 600 300 L 600 480',
      'M 380 470 L 560 470',
    ]),
    mountHole(210, 380, board),
    mountHole(600, 240, board),
    mountHole(600, 520, board),
    `<rect x="280" y="262" width="30" height="20" rx="4" fill="#f8fafc"/>`,
    `<circle cx="340" cy="290" r="8" fill="#fbbf24"/>`,
    `<circle cx="340" cy="290" r="16" fill="#fbbf24" opacity="0.3"/>`,
    text(260, 440, 'UNO R4', { size: 30, weight: 800, fill: '#e6fffb', anchor: 'start' }),
    `</g>`,
  ];
  return stage('mint', body.join('\n'), { shadowY: 640, shadowWidth: 300 });
}

export function picoW(): string {
  const board = '#15803d';
  const castellations = (y: number): string =>
    Array.from(
      { length: 20 },
      (_, i) => `<rect x="${206 + i * 20}" y="${y}" width="12" height="18" rx="4" fill="${gold}"/>`,
    ).join('');
  const body = [
    `<g transform="rotate(-10 400 400)">`,
    pcb(180, 300, 440, 180, board),
    castellations(302),
    castellations(460),
    usbPort(160, 356, 64, 68),
    chip(330, 350, 80, 6, 'RP2040'),
    // the wireless chip under its can, and the PCB antenna
    `<rect x="450" y="352" width="80" height="76" rx="6" fill="#cbd5e1"/>`,
    `<rect x="450" y="352" width="80" height="14" rx="6" fill="#e2e8f0"/>`,
    `<path d="M 548 340 L 600 340 M 548 360 L 600 360 L 600 440 L 548 440 M 548 420 L 580 420" fill="none" stroke="${lighten(board, 0.35)}" stroke-width="5" stroke-linecap="round"/>`,
    `<rect x="256" y="362" width="36" height="26" rx="4" fill="#f1f5f9"/>`,
    `<circle cx="274" cy="420" r="7" fill="#22c55e"/>`,
    `<circle cx="274" cy="420" r="14" fill="#86efac" opacity="0.5"/>`,
    `</g>`,
  ];
  return stage('mint', body.join('\n'), { shadowY: 570, shadowWidth: 270 });
}

export function tofSensor(): string {
  const board = '#6d28d9';
  const labels = ['VIN', 'GND', 'SCL', 'SDA', 'GPIO', 'XSH'];
  const beams = [70, 120, 170]
    .map(
      (r) =>
        `<path d="M ${400 - r * 0.7} ${300 - r * 0.7} A ${r} ${r} 0 0 1 ${400 + r * 0.7} ${300 - r * 0.7}" fill="none" stroke="#7c3aed" stroke-width="8" stroke-linecap="round" opacity="${(0.5 - r / 600).toFixed(2)}"/>`,
    )
    .join('');
  const body = [
    beams,
    `<g>`,
    pcb(250, 300, 300, 260, board),
    mountHole(286, 336, board),
    mountHole(514, 336, board),
    `<rect x="354" y="332" width="92" height="54" rx="8" fill="#111827"/>`,
    `<circle cx="380" cy="359" r="12" fill="#312e81"/>`,
    `<circle cx="420" cy="359" r="12" fill="#312e81"/>`,
    `<circle cx="376" cy="355" r="4" fill="#a5b4fc"/>`,
    `<circle cx="416" cy="355" r="4" fill="#a5b4fc"/>`,
    chip(300, 410, 36, 3),
    `<rect x="466" y="412" width="30" height="18" rx="3" fill="#e5e7eb"/>`,
    headerRow(322, 514, 6, 26),
    ...labels.map((label, i) =>
      text(335 + i * 26, 504, label, { size: 10, weight: 700, fill: '#ede9fe' }),
    ),
    `</g>`,
  ];
  return stage('mint', body.join('\n'), { shadowY: 600, shadowWidth: 200 });
}

export function ledStrip(): string {
  const colours = [
    '#ef4444',
    '#f97316',
    '#facc15',
    '#22c55e',
    '#06b6d4',
    '#3b82f6',
    '#8b5cf6',
    '#ec4899',
  ];
  const leds: string[] = [];
  for (let i = 0; i < 11; i += 1) {
    const t = i / 10;
    const x = 110 + t * 590;
    const y = 400 - Math.sin(t * Math.PI * 2 - 0.2) * 120;
    const colour = colours[i % colours.length] ?? '#ffffff';
    leds.push(
      `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="46" fill="${colour}" opacity="0.22"/>`,
    );
    leds.push(
      `<rect x="${(x - 20).toFixed(1)}" y="${(y - 20).toFixed(1)}" width="40" height="40" rx="6" fill="#f8fafc" stroke="#cbd5e1" stroke-width="2"/>`,
    );
    leds.push(`<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="13" fill="${colour}"/>`);
  }
  const wave = Array.from({ length: 60 }, (_, i) => {
    const t = i / 59;
    const x = 110 + t * 590;
    const y = 400 - Math.sin(t * Math.PI * 2 - 0.2) * 120;
    return `${i === 0 ? 'M' : 'L'} ${x.toFixed(1)} ${y.toFixed(1)}`;
  }).join(' ');
  const body = [
    `<path d="${wave}" fill="none" stroke="#0f172a" stroke-width="74" stroke-linecap="round" stroke-linejoin="round" opacity="0.12" transform="translate(6 12)"/>`,
    `<path d="${wave}" fill="none" stroke="#1f2937" stroke-width="70" stroke-linecap="round" stroke-linejoin="round"/>`,
    `<path d="${wave}" fill="none" stroke="#374151" stroke-width="56" stroke-linecap="round" stroke-linejoin="round"/>`,
    ...leds,
    // three wires leaving the first segment
    `<path d="M 110 420 C 90 520, 120 590, 190 640" fill="none" stroke="#ef4444" stroke-width="9" stroke-linecap="round"/>`,
    `<path d="M 100 424 C 76 530, 100 600, 170 656" fill="none" stroke="#22c55e" stroke-width="9" stroke-linecap="round"/>`,
    `<path d="M 120 420 C 106 510, 140 580, 212 626" fill="none" stroke="#f8fafc" stroke-width="9" stroke-linecap="round"/>`,
  ];
  return stage('mint', body.join('\n'), { shadowY: 640, shadowWidth: 300 });
}
