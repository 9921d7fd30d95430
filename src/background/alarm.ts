/**
 * The refresh alarm. MV3 workers lose their timers when they stop, so the cadence lives in an
 * alarm, which can also vanish after updates and restarts: it is re-created on every start.
 */
import { browser } from '../shared/browser';

export const REFRESH_ALARM = 'refresh';
/** Packed Chrome clamps alarms to 30 s; one minute is the quote cadence anyway. */
export const REFRESH_PERIOD_MINUTES = 1;

export async function ensureRefreshAlarm(): Promise<void> {
  const existing = await browser.alarms.get(REFRESH_ALARM);
  // Re-creating an existing alarm would push its next tick back on every worker start.
  if (existing && existing.periodInMinutes === REFRESH_PERIOD_MINUTES) return;
  await browser.alarms.create(REFRESH_ALARM, {
    periodInMinutes: REFRESH_PERIOD_MINUTES,
    delayInMinutes: REFRESH_PERIOD_MINUTES,
  });
}
