import { describe, expect, it } from 'vitest';
import { filtersFromSearch, specificationRows } from './presentation';

describe('equipment filters', () => {
  it('reads the type and status from the address', () => {
    expect(filtersFromSearch(new URLSearchParams('type=laser_cutter&status=available'))).toEqual({
      type: 'laser_cutter',
      status: 'available',
    });
  });

  it('ignores values the service does not know, rather than be refused', () => {
    expect(filtersFromSearch(new URLSearchParams('type=teleporter&status=broken'))).toEqual({
      type: undefined,
      status: undefined,
    });
  });
});

describe('machine specifications', () => {
  it('lists what a job depends on, in words and units', () => {
    expect(
      specificationRows({
        buildVolumeMm: { x: 250, y: 210, z: 220 },
        materials: ['PLA', 'PETG'],
        nozzleDiameterMm: 0.4,
      }),
    ).toEqual([
      ['Build volume', '250 × 210 × 220 mm'],
      ['Nozzle', '0.4 mm'],
      ['Materials', 'PLA, PETG'],
    ]);
  });

  it('lists nothing for a bench without specifications', () => {
    expect(specificationRows({})).toEqual([]);
  });
});
