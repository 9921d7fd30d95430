/**
 * The refresh alarm. MV3 workers lose their timers when they stop, so every wake is an alarm:
 * each cycle plans the next one for when the earliest source is due, and a slow safety period
 * covers an alarm lost to an update or a crash. Alarms can vanish after updates and restarts,
 * so one is ensured on every start.
 */
import { browser } from '../shared/browser';

export const REFRESH_ALARM = 'refresh';
/** A lost plan costs at most this long. */
export const SAFETY_PERIOD_MINUTES = 15;
/** Packed Chrome will not fire alarms sooner than 30 s apart. */
export const MIN_DELAY_MINUTES = 0.5;

export async function ensureRefreshAlarm(): Promise<void> {
  if (await browser.alarms.get(REFRESH_ALARM)) return; // re-creating it would push the plan back
  await browser.alarms.create(REFRESH_ALARM, { delayInMinutes: MIN_DELAY_MINUTES, periodInMinutes: SAFETY_PERIOD_MINUTES });
}

/** Plans the next wake; also called at the start of a cycle as a watchdog, should the worker die mid-cycle. */
export async function scheduleWake(at: number): Promise<void> {
  await browser.alarms.create(REFRESH_ALARM, { when: at, periodInMinutes: SAFETY_PERIOD_MINUTES });
}
