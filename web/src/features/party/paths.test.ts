import { describe, expect, it } from 'vitest';
import { partyPageOf, partyPath } from './paths';

describe('party page paths', () => {
  it('keep the chosen place across pages', () => {
    expect(partyPath('checklist', '371602001')).toBe('/party/checklist?area=371602001');
    expect(partyPath('tree', '371602001', { org: 'o1' })).toBe('/party?area=371602001&org=o1');
    expect(partyPath('transfers')).toBe('/party/transfers');
  });

  it('name the page a location belongs to', () => {
    expect(partyPageOf('/party')).toBe('tree');
    expect(partyPageOf('/party/reach')).toBe('reach');
    expect(partyPageOf('/party/transfers')).toBe('transfers');
  });
});
