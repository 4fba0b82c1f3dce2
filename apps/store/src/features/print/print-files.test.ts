import { describe, expect, it } from 'vitest';
import { fileProblem, MODEL_ACCEPT } from './print-files';

const MB = 1024 * 1024;

describe('the files the print page sends', () => {
  it('takes STL, OBJ and 3MF in any letter case', () => {
    for (const name of ['part.stl', 'PART.STL', 'bracket.obj', 'gear.3mf']) {
      expect(fileProblem({ name, size: 1000 }, 10 * MB)).toBeUndefined();
    }
    expect(MODEL_ACCEPT).toBe('.stl,.obj,.3mf');
  });

  it('refuses other files, empty files and files over the limit, saying which', () => {
    expect(fileProblem({ name: 'photo.jpg', size: 1000 }, 10 * MB)).toBe(
      '“photo.jpg” is not a 3D model the store reads: choose an STL, OBJ or 3MF file.',
    );
    expect(fileProblem({ name: 'model', size: 1000 }, 10 * MB)).toMatch(/not a 3D model/);
    expect(fileProblem({ name: 'empty.stl', size: 0 }, 10 * MB)).toMatch(/is empty/);
    expect(fileProblem({ name: 'huge.stl', size: 11 * MB }, 10 * MB)).toBe(
      '“huge.stl” is 11 MB; the store takes files of up to 10 MB.',
    );
    expect(fileProblem({ name: 'edge.stl', size: 10 * MB }, 10 * MB)).toBeUndefined();
  });
});
