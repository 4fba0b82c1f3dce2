import { describe, expect, it } from 'vitest';
import { formatDimensions, formatMm, isPreviewableModel } from './previewable';

describe('which project files get a 3D preview', () => {
  it('previews STL, OBJ and 3MF files, whatever the case of their extension', () => {
    for (const name of ['bracket.stl', 'Bracket.STL', 'gear.obj', 'case.v2.3mf', 'Case.3MF']) {
      expect(isPreviewableModel(name), name).toBe(true);
    }
  });

  it('does not preview other files, STEP and G-code included, nor names without an extension', () => {
    for (const name of [
      'part.step',
      'part.stp',
      'part.gcode',
      'notes.pdf',
      'stl',
      '.stl',
      'x.stl.zip',
    ]) {
      expect(isPreviewableModel(name), name).toBe(false);
    }
  });
});

describe('a part’s dimensions in words', () => {
  it('gives millimetres to a tenth', () => {
    expect(formatMm(20)).toBe('20 mm');
    expect(formatMm(12.345)).toBe('12.3 mm');
    expect(formatDimensions([120, 80, 12.5])).toBe('120 × 80 × 12.5 mm');
  });
});
