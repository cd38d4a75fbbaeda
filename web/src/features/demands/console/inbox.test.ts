import { describe, expect, it } from 'vitest';
import {
  inboxSetup,
  PRESET_STATUSES,
  PRESETS,
  readInboxState,
  toListFilters,
  writeInboxState,
} from './inbox';

const OFFICIAL = ['demands.read', 'demands.create', 'demands.handle', 'demands.manage'];

describe('inboxSetup', () => {
  it.each([
    ['street official', OFFICIAL, ['street_official'], 'received', false, true, true, 7],
    [
      'grid worker',
      ['demands.read', 'demands.create', 'demands.handle'],
      ['grid_worker'],
      'handling',
      true,
      true,
      false,
      4,
    ],
    [
      'property staff',
      ['demands.read', 'demands.handle'],
      ['property_staff'],
      'handling',
      true,
      true,
      false,
      4,
    ],
    ['owners committee', ['demands.read'], ['owners_committee'], 'all', false, false, false, 7],
    ['auditor', ['demands.read'], ['auditor'], 'all', false, false, false, 7],
  ])('%s: opens on %s, mine %s', (_who, permissions, roles, preset, mine, canMine, canCreate, presets) => {
    const setup = inboxSetup({ permissions, roles });
    expect(setup.defaultPreset).toBe(preset);
    expect(setup.defaultMine).toBe(mine);
    expect(setup.canFilterMine).toBe(canMine);
    expect(setup.canCreate).toBe(canCreate);
    expect(setup.presets).toHaveLength(presets);
    expect(setup.presets).toContain(setup.defaultPreset);
  });

  it('does not open a community official who also handles on "mine"', () => {
    const setup = inboxSetup({ permissions: OFFICIAL, roles: ['community_official', 'grid_worker'] });
    expect(setup.defaultMine).toBe(false);
    expect(setup.canFilterMine).toBe(true);
  });
});

describe('presets', () => {
  it('cover every open and closed state once', () => {
    const covered = PRESETS.flatMap((p) => PRESET_STATUSES[p] ?? []);
    expect(new Set(covered).size).toBe(covered.length);
    expect(covered.sort()).toEqual(
      ['received', 'registered', 'dispatched', 'in_hand', 'replied', 'verified', 'closed', 'rated'].sort(),
    );
    expect(PRESET_STATUSES.all).toBeNull();
  });
});

describe('inbox state in the address', () => {
  const official = inboxSetup({ permissions: OFFICIAL, roles: ['street_official'] });
  const worker = inboxSetup({ permissions: ['demands.read', 'demands.handle'], roles: ['grid_worker'] });

  it('falls back to the defaults and ignores what is not valid', () => {
    const state = readInboxState(
      new URLSearchParams('preset=bogus&due=late&channel=fax&area=abc&from=2025-1-1&q=%20%20'),
      official,
    );
    expect(state).toEqual({
      preset: 'received',
      due: undefined,
      mine: false,
      categoryCode: undefined,
      channel: undefined,
      areaCode: undefined,
      receivedFrom: undefined,
      receivedTo: undefined,
      q: undefined,
    });
  });

  it('refuses a preset the role is not offered', () => {
    expect(readInboxState(new URLSearchParams('preset=received'), worker).preset).toBe('handling');
  });

  it('round-trips through the address, leaving out the defaults', () => {
    const state = readInboxState(
      new URLSearchParams(
        'preset=handling&due=overdue&mine=true&category=property.repair&channel=hotline&area=371602001&from=2025-03-01&to=2025-03-31&q=漏水',
      ),
      official,
    );
    expect(state.mine).toBe(true);
    expect(readInboxState(writeInboxState(state, official), official)).toEqual(state);
    expect(writeInboxState({ ...state, preset: 'received', mine: false }, official).has('preset')).toBe(
      false,
    );
    expect(writeInboxState({ ...state, mine: false }, official).has('mine')).toBe(false);
  });

  it('keeps a grid worker on "mine" unless switched off', () => {
    expect(readInboxState(new URLSearchParams(), worker).mine).toBe(true);
    const off = readInboxState(new URLSearchParams('mine=false'), worker);
    expect(off.mine).toBe(false);
    expect(writeInboxState(off, worker).get('mine')).toBe('false');
  });
});

describe('toListFilters', () => {
  const setup = inboxSetup({ permissions: OFFICIAL, roles: ['street_official'] });
  it('sends the preset as a comma list of states and only the filters set', () => {
    const state = readInboxState(new URLSearchParams('preset=handling&due=dueSoon&area=371602001'), setup);
    expect(toListFilters(state)).toEqual({
      status: 'dispatched,in_hand',
      due: 'dueSoon',
      areaCode: '371602001',
    });
  });
  it('sends no state for 全部 and mine=true only when switched on', () => {
    const state = readInboxState(new URLSearchParams('preset=all&mine=true'), setup);
    expect(toListFilters(state)).toEqual({ mine: 'true' });
  });
});
