import { cube, to3mf, toBinaryStl, toObj } from '@makrx/mesh/testing';
import { describe, expect, it } from 'vitest';
import { isViewableModel, transferablesOf, viewableModelOf } from './viewable-model';

describe('a model file read for the viewer', () => {
  it.each([
    ['bracket.stl', toBinaryStl(cube(20, [5, 5, 0]))],
    ['bracket.obj', toObj(cube(20))],
    ['bracket.3mf', to3mf(cube(20))],
  ])('%s gives its triangles and its size in mm', (fileName, bytes) => {
    const model = viewableModelOf(bytes, fileName);
    expect(model.type).toBe('parsed');
    if (model.type !== 'parsed') return;
    expect(model.triangleCount).toBe(12);
    expect(model.positions).toHaveLength(12 * 9);
    expect(model.dimensions).toEqual([20, 20, 20]);
    expect(isViewableModel(model)).toBe(true);
    expect(transferablesOf(model)).toEqual([model.positions.buffer]);
  });

  it('says in a sentence why a file that is not a model cannot be shown', () => {
    const model = viewableModelOf(new TextEncoder().encode('not a model at all'), 'broken.stl');
    expect(model.type).toBe('failed');
    if (model.type !== 'failed') return;
    expect(model.message).toMatch(/\w+ .*\./);
    expect(isViewableModel(model)).toBe(true);
    expect(transferablesOf(model)).toEqual([]);
  });

  it('refuses messages that are not a worker’s answer', () => {
    expect(isViewableModel(null)).toBe(false);
    expect(isViewableModel({ type: 'parsed', positions: [1, 2, 3] })).toBe(false);
    expect(isViewableModel({ type: 'failed' })).toBe(false);
  });
});
