/**
 * The market's state in words (i18n/market-words.ts), written by each surface from the facts the
 * background stores: the same stored presentation reads in English or Urdu by the page's
 * language, the board's own unknown word is shown as PSX wrote it in both, and a presentation
 * stored by an older version (English words, no facts) still renders.
 */
import { describe, expect, it } from 'vitest';
import { setDisplay } from '../../../src/shared/i18n/display';
import { captionText, marketLabelText, sourceNameText, stateWordText, viewLabelText, type MarketFacts } from '../../../src/shared/i18n/market-words';
import type { MarketView } from '../../../src/shared/market-view';
import { normalisePresentation } from '../../../src/shared/presentation';

const facts = (phase: MarketFacts['phase'], board: Partial<NonNullable<MarketFacts['board']>> = {}, over: Partial<MarketFacts> = {}): MarketFacts => ({
  phase,
  board: { basis: 'board', unscheduledClose: false, label: null, ...board },
  hasReading: true,
  trading: phase === 'open' || phase === 'pre-open' || phase === 'post-close',
  ...over,
});

const FSI = '\u2068';
const PDI = '\u2069';

interface Row {
  name: string;
  p: MarketFacts;
  en: [label: string | null, word: string, caption: string];
  ur: [label: string | null, word: string, caption: string];
}

const rows: Row[] = [
  { name: 'open', p: facts('open', { label: 'Open' }), en: ['Market open', 'Open', ''], ur: ['مارکیٹ کھلی ہے', 'کھلی', ''] },
  { name: 'pre-open', p: facts('pre-open'), en: ['Pre-open', 'Pre-open', ''], ur: ['پری اوپن', 'پری اوپن', ''] },
  { name: 'post-close', p: facts('post-close'), en: ['Post-close', 'Post-close', ''], ur: ['پوسٹ کلوز', 'پوسٹ کلوز', ''] },
  { name: 'closed', p: facts('closed'), en: ['Market closed', 'Closed', 'Last close'], ur: ['مارکیٹ بند ہے', 'بند', 'آخری بند قیمت'] },
  {
    name: 'a holiday: the board closed on a trading day',
    p: facts('closed', { unscheduledClose: true, label: 'Closed' }),
    en: ['Closed today (holiday?)', 'Closed', 'Last close'],
    ur: ['آج بند ہے (تعطیل؟)', 'بند', 'آخری بند قیمت'],
  },
  {
    name: "the board's unknown word is data, shown as is",
    p: facts('open', { basis: 'timetable', label: 'Halted' }),
    en: ['Market: Halted', 'Halted', ''],
    ur: [`مارکیٹ: ${FSI}Halted${PDI}`, 'Halted', ''],
  },
  { name: 'unknown', p: facts('unknown', { basis: 'timetable' }, { trading: false }), en: ['Market state unknown', 'Market', 'Last close'], ur: ['مارکیٹ کی صورتحال معلوم نہیں', 'مارکیٹ', 'آخری بند قیمت'] },
  { name: 'before any reading: no label, no caption', p: facts('closed', {}, { hasReading: false }), en: [null, 'Closed', ''], ur: [null, 'بند', ''] },
];

describe('market words', () => {
  it.each(rows)('$name', ({ p, en, ur }) => {
    expect([marketLabelText(p), stateWordText(p), captionText(p)]).toEqual(en);
    setDisplay({ lang: 'ur', digits: 'latn' });
    expect([marketLabelText(p), stateWordText(p), captionText(p)]).toEqual(ur);
    // Back without a reload: the words follow the page's language at each call.
    setDisplay({ lang: 'en', digits: 'latn' });
    expect(stateWordText(p)).toBe(en[1]);
  });

  it('names the source in the display language, codes in Latin', () => {
    expect([sourceNameText('psx-portal'), sourceNameText('psx-terminal')]).toEqual(['PSX data portal', 'PSX Terminal']);
    setDisplay({ lang: 'ur', digits: 'arabext' });
    expect([sourceNameText('psx-portal'), sourceNameText('psx-terminal')]).toEqual(['PSX ڈیٹا پورٹل', 'PSX Terminal']);
  });

  it('writes a market view as the header does', () => {
    const view: MarketView = { phase: 'closed', basis: 'board', unscheduledClose: true, label: 'Closed' };
    expect(viewLabelText(view)).toBe('Closed today (holiday?)');
    setDisplay({ lang: 'ur', digits: 'latn' });
    expect(viewLabelText(view)).toBe('آج بند ہے (تعطیل؟)');
  });
});

describe('a presentation stored by an older version', () => {
  const old = {
    at: 1,
    phase: 'open',
    marketLabel: 'Market open',
    stateWord: 'Open',
    trading: true,
    caption: '',
    asOf: null,
    stale: false,
    source: 'psx-portal',
    sourceName: 'PSX data portal',
    sources: {},
    notice: null,
    feeds: { loading: false, failing: [], showingFrom: null },
  };

  it('is read as far as it goes: its words dropped, facts filled in, every word function answers', () => {
    const p = normalisePresentation(old);
    if (p === null) throw new Error('dropped');
    expect(p).not.toHaveProperty('marketLabel');
    expect(p).not.toHaveProperty('stateWord');
    expect(p).not.toHaveProperty('sourceName');
    expect(p.board).toEqual({ basis: 'timetable', unscheduledClose: false, label: null });
    expect(p.hasReading).toBe(true);
    expect([marketLabelText(p), stateWordText(p), captionText(p), sourceNameText(p.source)]).toEqual(['Market open', 'Open', '', 'PSX data portal']);
    setDisplay({ lang: 'ur', digits: 'latn' });
    expect(marketLabelText(p)).toBe('مارکیٹ کھلی ہے');
  });

  it('without a reading before it: no label', () => {
    const p = normalisePresentation({ ...old, marketLabel: null });
    expect(p && marketLabelText(p)).toBeNull();
  });

  it('a malformed board is replaced, not trusted', () => {
    const p = normalisePresentation({ ...old, board: { basis: 'guess', unscheduledClose: 'yes', label: 7 }, hasReading: true });
    expect(p?.board).toEqual({ basis: 'timetable', unscheduledClose: false, label: null });
  });
});
