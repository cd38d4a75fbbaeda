import { describe, expect, it } from 'vitest';
import type { Polygon } from '../../lib/geo/index';
import { geometryProblems } from './areas.geometry-rules';

const square: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
      [0, 0],
    ],
  ],
};

describe('boundary checks', () => {
  it('a closed square inside its parent is fine', () => {
    expect(geometryProblems(square, { field: 'boundary', within: [-1, -1, 2, 2] })).toEqual([]);
  });

  it('a square exactly on its parent’s edge is still inside', () => {
    expect(geometryProblems(square, { field: 'boundary', within: [0, 0, 1, 1] })).toEqual([]);
  });

  it.each([
    [
      'an open ring',
      {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 0],
            [1, 1],
            [0, 1],
          ],
        ],
      },
      'ring_not_closed',
    ],
    [
      'a ring of three positions',
      {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 0],
            [0, 0],
          ],
        ],
      },
      'ring_too_short',
    ],
    [
      'a flat ring',
      {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 0],
            [2, 0],
            [0, 0],
          ],
        ],
      },
      'ring_without_area',
    ],
  ] as const)('%s is refused', (_name, geometry, reason) => {
    const problems = geometryProblems(geometry as unknown as Polygon, { field: 'boundary' });
    expect(problems.map((p) => p.reason)).toContain(reason);
    expect(problems[0]?.field).toBe('boundary');
  });

  it('a boundary that reaches past its parent is refused', () => {
    expect(geometryProblems(square, { field: 'parts.0.boundary', within: [0, 0, 0.5, 1] })).toEqual([
      expect.objectContaining({ field: 'parts.0.boundary', reason: 'outside_parent' }),
    ]);
  });
});
