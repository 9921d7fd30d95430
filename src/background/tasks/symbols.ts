/** The instrument directory, once a day; a failure keeps yesterday's list. */
import { readSymbols } from '../../sources/psx/symbols';
import { isDueNow, Outcome, type CycleInput, type TaskOutcome } from '../cycle-context';
import { SYMBOLS_POLICY } from '../policies';
import { periodicDueAt, SYMBOLS_PERIOD_MS, withBackoff } from '../schedule';

export function symbolsDueAt(input: CycleInput, sources = input.snapshot.sources): number {
  const health = sources['psx-symbols'];
  return withBackoff(periodicDueAt(health, SYMBOLS_PERIOD_MS, input.now()), health);
}

/**
 * A closed market is asked nothing beyond its state: the directory waits for a trading day,
 * unless there has never been one (a first install at night still gets names and search).
 */
export function symbolsWaitForTrading(input: CycleInput, sources = input.snapshot.sources): boolean {
  return input.view.phase === 'closed' && sources['psx-symbols']?.lastOk != null;
}

export async function refreshSymbols(input: CycleInput): Promise<TaskOutcome> {
  const out = new Outcome(input);
  if (symbolsWaitForTrading(input)) return out.value;
  if (!isDueNow(input, out.status('psx-symbols'), symbolsDueAt(input))) return out.value;
  const result = await readSymbols(input.http);
  if (!result.ok) {
    out.fail('psx-symbols', result.error, SYMBOLS_POLICY);
    return out.value;
  }
  out.value.directory = { fetchedAt: input.now(), instruments: result.value };
  out.succeed('psx-symbols');
  return out.value;
}
