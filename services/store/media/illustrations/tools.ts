import { darken, lighten, polygon, stage, text } from './canvas';

export function digitalCalipers(): string {
  const steel = '#c9d1da';
  const ticks = Array.from({ length: 46 }, (_, i) => {
    const tall = i % 5 === 0;
    return `<rect x="${330 + i * 9}" y="${372}" width="2" height="${tall ? 18 : 10}" fill="#475569"/>`;
  }).join('');
  const body = [
    `<g transform="rotate(-18 400 400)">`,
    // fixed jaws
    polygon(
      [
        [110, 360],
        [190, 360],
        [190, 560],
        [170, 600],
        [150, 560],
        [150, 420],
        [110, 420],
      ],
      `fill="${steel}"`,
    ),
    polygon(
      [
        [150, 360],
        [190, 360],
        [190, 290],
        [176, 260],
        [164, 290],
        [164, 360],
      ],
      `fill="${darken(steel, 0.08)}"`,
    ),
    // beam with its scale
    `<rect x="150" y="360" width="560" height="44" rx="6" fill="${steel}"/>`,
    `<rect x="150" y="360" width="560" height="8" rx="4" fill="#ffffff" opacity="0.5"/>`,
    ticks,
    `<rect x="690" y="374" width="80" height="14" rx="7" fill="${darken(steel, 0.15)}"/>`,
    // sliding jaw and the display body
    polygon(
      [
        [250, 404],
        [290, 404],
        [290, 560],
        [270, 600],
        [250, 560],
      ],
      `fill="${darken(steel, 0.05)}"`,
    ),
    polygon(
      [
        [262, 360],
        [276, 360],
        [276, 290],
        [268, 262],
        [262, 290],
      ],
      `fill="${darken(steel, 0.12)}"`,
    ),
    `<rect x="230" y="334" width="250" height="170" rx="26" fill="#1f2937"/>`,
    `<rect x="230" y="334" width="250" height="20" rx="10" fill="#374151"/>`,
    `<rect x="256" y="370" width="198" height="70" rx="10" fill="#c7d6c1"/>`,
    text(444, 422, '150.00', { size: 42, weight: 700, fill: '#1f2a1c', anchor: 'end' }),
    text(270, 392, 'mm', { size: 14, weight: 700, fill: '#3f4f3a', anchor: 'start' }),
    `<circle cx="286" cy="470" r="15" fill="#f59e0b"/>`,
    `<circle cx="336" cy="470" r="15" fill="#f8fafc"/>`,
    `<circle cx="386" cy="470" r="15" fill="#f8fafc"/>`,
    `<circle cx="446" cy="470" r="20" fill="#4b5563"/>`,
    `</g>`,
  ];
  return stage('sand', body.join('\n'), { shadowY: 640, shadowWidth: 300 });
}

export function flushCutters(): string {
  const grip = '#f97316';
  const steel = '#9aa5b1';
  const handle = (side: 1 | -1): string => {
    const d = `M ${400 + side * 10} 360 C ${400 + side * 40} 440, ${400 + side * 110} 540, ${400 + side * 150} 680`;
    return [
      `<path d="${d}" fill="none" stroke="${steel}" stroke-width="34" stroke-linecap="round"/>`,
      `<path d="M ${400 + side * 40} 450 C ${400 + side * 70} 520, ${400 + side * 110} 580, ${400 + side * 150} 680" fill="none" stroke="${grip}" stroke-width="58" stroke-linecap="round"/>`,
      `<path d="M ${400 + side * 30} 456 C ${400 + side * 60} 520, ${400 + side * 96} 580, ${400 + side * 132} 670" fill="none" stroke="${lighten(grip, 0.3)}" stroke-width="10" stroke-linecap="round" opacity="0.7"/>`,
    ].join('');
  };
  const body = [
    `<g transform="rotate(-24 400 430)">`,
    `<path d="M 378 430 C 340 470, 340 510, 370 540 M 422 430 C 460 470, 460 510, 430 540" fill="none" stroke="#cbd5e1" stroke-width="6"/>`,
    handle(-1),
    handle(1),
    // the jaws: two blades meeting along the cutting edge
    `<path d="M 400 350 C 360 320, 356 240, 398 130 L 400 130 L 400 350 Z" fill="${steel}"/>`,
    `<path d="M 400 350 C 440 320, 444 240, 402 130 L 400 130 L 400 350 Z" fill="${darken(steel, 0.18)}"/>`,
    `<path d="M 400 136 L 400 330" stroke="#e2e8f0" stroke-width="3"/>`,
    `<circle cx="400" cy="360" r="34" fill="${darken(steel, 0.1)}"/>`,
    `<circle cx="400" cy="360" r="20" fill="#e2e8f0"/>`,
    `<circle cx="400" cy="360" r="8" fill="${darken(steel, 0.4)}"/>`,
    `</g>`,
  ];
  return stage('sand', body.join('\n'), { shadowY: 660, shadowWidth: 260 });
}

export function solderingStation(): string {
  const body = [
    // cable from the base to the iron
    `<path d="M 300 560 C 300 660, 520 660, 600 560 S 640 360, 600 300" fill="none" stroke="#111827" stroke-width="14" stroke-linecap="round"/>`,
    // base unit
    polygon(
      [
        [120, 330],
        [430, 330],
        [470, 600],
        [90, 600],
      ],
      'fill="#1f2937"',
    ),
    polygon(
      [
        [120, 330],
        [430, 330],
        [436, 370],
        [116, 370],
      ],
      'fill="#374151"',
    ),
    `<rect x="150" y="400" width="250" height="110" rx="14" fill="#0b1220"/>`,
    text(380, 476, '350°C', { size: 60, weight: 800, fill: '#fbbf24', anchor: 'end' }),
    text(170, 432, 'SET', { size: 16, weight: 700, fill: '#94a3b8', anchor: 'start' }),
    `<circle cx="170" cy="555" r="16" fill="#f97316"/>`,
    `<circle cx="230" cy="555" r="16" fill="#475569"/>`,
    `<circle cx="370" cy="555" r="30" fill="#4b5563"/>`,
    `<circle cx="370" cy="555" r="30" fill="none" stroke="#6b7280" stroke-width="4"/>`,
    // iron holder: spring coil on a stand
    `<rect x="500" y="560" width="200" height="40" rx="12" fill="#374151"/>`,
    ...Array.from({ length: 8 }, (_, i) => {
      const cx = 560 + i * 13;
      const cy = 520 - i * 22;
      return `<ellipse cx="${cx}" cy="${cy}" rx="40" ry="14" fill="none" stroke="#cbd5e1" stroke-width="6" transform="rotate(-30 ${cx} ${cy})"/>`;
    }),
    // the iron resting in the coil
    `<g transform="rotate(-60 600 420)">`,
    `<rect x="420" y="402" width="170" height="36" rx="18" fill="#1f2937"/>`,
    `<rect x="440" y="402" width="120" height="36" rx="14" fill="#f97316"/>`,
    ...[0, 1, 2, 3].map(
      (i) => `<rect x="${452 + i * 26}" y="402" width="8" height="36" fill="#c2410c"/>`,
    ),
    `<rect x="590" y="410" width="150" height="20" rx="6" fill="#cbd5e1"/>`,
    polygon(
      [
        [740, 413],
        [790, 418],
        [790, 422],
        [740, 427],
      ],
      'fill="#9ca3af"',
    ),
    `</g>`,
  ];
  return stage('sand', body.join('\n'), { shadowY: 610, shadowWidth: 320 });
}

/** Three carbide end mills standing in a holder, largest in the middle. */
export function endmillSet(): string {
  const mill = (x: number, base: number, height: number, width: number): string => {
    const fluteHeight = height * 0.42;
    const shank = height - fluteHeight;
    const flutes = Array.from({ length: 6 }, (_, i) => {
      const y = base - shank - i * (fluteHeight / 6);
      return polygon(
        [
          [x - width / 2, y],
          [x + width / 2, y - fluteHeight / 12],
          [x + width / 2, y - fluteHeight / 6],
          [x - width / 2, y - fluteHeight / 12],
        ],
        `fill="#475569"`,
      );
    }).join('');
    return [
      `<rect x="${x - width / 2}" y="${base - shank}" width="${width}" height="${shank}" fill="#cbd5e1"/>`,
      `<rect x="${x - width / 2 + 5}" y="${base - shank}" width="6" height="${shank}" fill="#ffffff" opacity="0.6"/>`,
      `<rect x="${x - width / 2}" y="${base - height}" width="${width}" height="${fluteHeight}" fill="#94a3b8"/>`,
      flutes,
      polygon(
        [
          [x - width / 2, base - height],
          [x + width / 2, base - height],
          [x + width / 2 - 6, base - height - 10],
          [x - width / 2 + 6, base - height - 10],
        ],
        'fill="#64748b"',
      ),
    ].join('');
  };
  const body = [
    `<rect x="160" y="520" width="480" height="90" rx="18" fill="#b45309"/>`,
    `<rect x="160" y="520" width="480" height="18" rx="9" fill="#d97706"/>`,
    mill(270, 540, 290, 50),
    mill(400, 540, 370, 56),
    mill(530, 540, 320, 50),
    text(400, 584, '⅛″ SHANK', { size: 26, weight: 800, fill: '#fff7ed', spacing: 3 }),
  ];
  return stage('sand', body.join('\n'), { shadowY: 620, shadowWidth: 280 });
}
