/**
 * The toolbar badge, as pure data: at most four characters of % change (`+2.1`, `-0.3`,
 * `+12`), green or red, grey when the market is closed or the figure is stale; the title lists
 * the indices and the time of the data.
 */
import { formatPrice, formatWhen, zoneSuffix } from '../shared/format';
import { numberFormat } from '../shared/i18n/display';
import type { Holdings } from '../shared/holdings/model';
import { portfolioTotals } from '../shared/holdings/pnl';
import type { MarketState } from '../shared/market-store';
import { BADGE_PORTFOLIO, type TimeZoneChoice } from '../shared/settings';
import { text as messages } from './i18n';

import { BADGE_COLOURS } from './badge-colours';

export { BADGE_COLOURS };

export interface BadgeView {
  text: string;
  colour: string;
  title: string;
}

/** `+2.1`, `-0.3`, `+12`, `0.0`; never more than four characters. */
export function badgePercent(percent: number): string {
  const abs = Math.abs(percent);
  const sign = percent > 0 ? '+' : percent < 0 ? '-' : '';
  // 99.5 % and up would round to a five-character +100: cap, so a bigger move never reads smaller.
  if (abs >= 99.5) return `${sign}99`;
  const digits = abs >= 9.95 ? Math.round(abs).toString() : abs.toFixed(1);
  if (digits === '0.0') return '0.0';
  return `${sign}${digits}`.slice(0, 4);
}

const TWO_DECIMALS: Intl.NumberFormatOptions = { minimumFractionDigits: 2, maximumFractionDigits: 2 };

/**
 * `+0.42%`, `-0.30%`; `+0.00%` for no change, and `0.00%` for a fall too small to show (never
 * `-0.00%`). In the display's digits; the sign is ours, so it reads the same in both languages.
 */
function signedPercent(percent: number): string {
  const fixed = percent.toFixed(2);
  const sign = fixed === '-0.00' ? '' : fixed.startsWith('-') ? '-' : '+';
  return `${sign}${numberFormat(TWO_DECIMALS).format(Math.abs(percent))}%`;
}

/**
 * The portfolio's day % and its line of the title (percent only: the title is shown on hover,
 * and money stays in the popup, where privacy mode can blur it). Unknown holdings (unreadable)
 * and holdings without a price give no figure, never 0.0.
 */
function portfolioDay(snapshot: MarketState, holdings: Holdings | undefined): { percent: number | null; line: string } {
  const t = messages();
  if (holdings === undefined) return { percent: null, line: t.t('bg_badge_portfolio_unreadable') };
  const totals = portfolioTotals(holdings, snapshot.quotes);
  if (totals.count === 0) return { percent: null, line: t.t('bg_badge_portfolio_none') };
  const percent = totals.figures?.dayPercent ?? null;
  if (percent === null) return { percent: null, line: t.t('bg_badge_portfolio_no_price') };
  const pct = percent.toFixed(2);
  // A day's change that rounds to nothing has no sign at all here.
  const shown = pct === '-0.00' || pct === '0.00' ? `${numberFormat(TWO_DECIMALS).format(0)}%` : signedPercent(percent);
  const left = totals.noPrice.length;
  return { percent, line: left === 0 ? t.t('bg_badge_portfolio_day', { percent: shown }) : t.plural('bg_badge_portfolio_day_partial', left, { percent: shown }) };
}

/**
 * Trading, stale and the time of the figures come from the presentation, as on every surface.
 * With `showAlerts`, fired alerts not yet seen take the badge over: their count and a `!`
 * (`3!`), amber, so the badge says "look" in its text as well as its colour.
 * For the `portfolio` subject, `holdings` are the watchlist's (watchedHoldings), undefined
 * when they could not be read.
 */
export function badgeView(snapshot: MarketState, subject: string, indexCodes: string[], zone: TimeZoneChoice, now: number, showAlerts = false, holdings?: Holdings): BadgeView {
  const trading = snapshot.presentation?.trading === true;
  const stale = snapshot.presentation?.stale === true;
  const portfolio = subject === BADGE_PORTFOLIO ? portfolioDay(snapshot, holdings) : null;
  const index = portfolio ? undefined : snapshot.indices[subject];
  const quote = portfolio ? undefined : snapshot.quotes[subject];
  const percent = portfolio ? portfolio.percent : (index?.changePercent ?? quote?.changePercent ?? null);
  const parts = indexCodes
    .map((code) => snapshot.indices[code])
    .filter((q) => q !== undefined)
    // Codes and figures only: left to right in either language.
    .map((q) => `${q.code} ${formatPrice(q.value)} (${signedPercent(q.changePercent)})`);
  const asOf = snapshot.presentation?.asOf ?? null;
  const t = messages();
  const title = [
    t.t('bg_badge_title'),
    ...(portfolio ? [portfolio.line] : []),
    ...parts,
    // With the date when the figures are not today's, as the popup and the bar write it.
    asOf !== null ? t.t(stale ? 'bg_badge_as_of_stale' : 'bg_badge_as_of', { time: `${formatWhen(asOf, now, zone)}${zoneSuffix(zone)}` }) : null,
  ]
    .filter((p): p is string => p !== null)
    .join('\n');
  const unseen = snapshot.presentation?.alerts?.unseen ?? 0;
  if (showAlerts && unseen > 0) {
    return { text: `${Math.min(unseen, 99)}!`, colour: BADGE_COLOURS.alert, title: `${t.plural('bg_badge_alerts', unseen)}\n${title}` };
  }
  if (subject === 'off' || percent === null) return { text: '', colour: BADGE_COLOURS.muted, title };
  const text = badgePercent(percent);
  // Colour follows what is printed: a move that shows as 0.0 is not painted as a rise or a fall.
  const shown = text === '0.0' ? 0 : percent;
  const colour = !trading || stale ? BADGE_COLOURS.muted : shown > 0 ? BADGE_COLOURS.up : shown < 0 ? BADGE_COLOURS.down : BADGE_COLOURS.muted;
  return { text, colour, title };
}
