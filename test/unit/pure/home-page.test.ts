import { describe, expect, it } from 'vitest';
import { phaseOf } from '../../../src/sources/psx/home-page';
import type { MarketPhase } from '../../../src/shared/model';

describe('phaseOf', () => {
  it.each<[string, MarketPhase]>([
    ['Open', 'open'],
    ['OPEN', 'open'],
    [' open ', 'open'],
    ['Pre-Open', 'pre-open'],
    ['pre open', 'pre-open'],
    ['PRE_OPEN', 'pre-open'],
    ['Post-Close', 'post-close'],
    ['post close', 'post-close'],
    ['Closed', 'closed'],
    ['Close', 'closed'],
    ['CLOSED.', 'closed'],
    ['Ready', 'unknown'],
    ['Halted', 'unknown'],
    ['Opening', 'unknown'],
    ['Suspended', 'unknown'],
    ['', 'unknown'],
    ['---', 'unknown'],
  ])('%j → %s', (label, expected) => {
    expect(phaseOf(label)).toBe(expected);
  });
});
