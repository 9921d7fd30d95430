/** The instrument directory, once a day; a failure keeps yesterday's list. */
import { directoryItem } from '../../shared/symbol-directory';
import { readSymbols } from '../../sources/psx/symbols';
import { fail, isDueNow, succeed, type CycleContext } from '../cycle-context';
import { SYMBOLS_POLICY } from '../policies';
import { periodicDueAt, SYMBOLS_PERIOD_MS, withBackoff } from '../schedule';

export function symbolsDueAt(ctx: CycleContext): number {
  const health = ctx.snapshot.sources['psx-symbols'];
  return withBackoff(periodicDueAt(health, SYMBOLS_PERIOD_MS, ctx.now()), health);
}

/**
 * A closed market is asked nothing beyond its state: the directory waits for a trading day,
 * unless there has never been one (a first install at night still gets names and search).
 */
export function symbolsWaitForTrading(ctx: CycleContext): boolean {
  return ctx.view.phase === 'closed' && ctx.snapshot.sources['psx-symbols']?.lastOk != null;
}

export async function refreshSymbols(ctx: CycleContext): Promise<void> {
  const health = ctx.snapshot.sources['psx-symbols'];
  if (symbolsWaitForTrading(ctx)) return;
  if (!isDueNow(ctx, health, symbolsDueAt(ctx))) return;
  const result = await readSymbols(ctx.http);
  if (!result.ok) {
    fail(ctx, 'psx-symbols', result.error, SYMBOLS_POLICY);
    return;
  }
  const directory = { fetchedAt: ctx.now(), instruments: result.value };
  const written = await directoryItem.update(() => directory);
  if (!written.ok) {
    fail(ctx, 'psx-symbols', { kind: 'internal', detail: `not saved: ${written.error.detail}`, at: ctx.now() }, SYMBOLS_POLICY);
    return;
  }
  succeed(ctx, 'psx-symbols');
}
