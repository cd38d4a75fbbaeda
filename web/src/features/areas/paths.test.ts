import { describe, expect, it } from 'vitest';
import { mapRegionPath, publicGridPath, treePath } from './paths';

describe('where the area pages link', () => {
  it('a district, street or community on the map drills into the map of that place', () => {
    expect(mapRegionPath('district', '371602')).toBe('/areas/map?code=371602');
    expect(mapRegionPath('street', '371602001')).toBe('/areas/map?code=371602001');
    expect(mapRegionPath('community', '371602001001')).toBe('/areas/map?code=371602001001');
  });

  it('a grid on the map opens the grid profile', () => {
    expect(mapRegionPath('grid', '371602001001001')).toBe('/areas/grids/371602001001001');
  });

  it('a compound on the map opens it in the area tree, since nothing is drawn below it', () => {
    expect(mapRegionPath('compound', '37160200100100101')).toBe(treePath('37160200100100101'));
  });

  it('the public notice of a grid lives under /m, outside the console', () => {
    expect(publicGridPath('371602001001001')).toBe('/m/grids/371602001001001');
  });
});
