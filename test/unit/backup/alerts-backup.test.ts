/**
 * Alerts in the backup (issue 11): exported as their rules' definitions (no state, no fired
 * log), imported by merging into the stored alerts in one update, each rule new (fresh id,
 * armed, never checked), duplicates recognised, the 200-rule cap said in words, malformed
 * entries reported and skipped, a failed alerts write reported as a failure, and a file of the
 * previous format (version 1, no alerts) imported exactly as before, the alerts left alone.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { evaluateAlerts, readingKey } from '../../../src/shared/alerts/evaluate';
import { emptyAlerts, MAX_RULES, type AlertRule, type AlertsState } from '../../../src/shared/alerts/rules';
import { alertsItem } from '../../../src/shared/alerts/store';
import { alertsData, describeAlerts, mergeAlerts, type AlertDefinition } from '../../../src/shared/backup/alerts';
import { applyImport, importAlerts, readAlertsForBackup } from '../../../src/shared/backup/apply';
import { exportBackup } from '../../../src/shared/backup/export';
import { browser } from '../../../src/shared/browser';
import { BACKUP_FORMAT, BACKUP_VERSION, type ImportPlan } from '../../../src/shared/backup/format';
import { parseBackupFile } from '../../../src/shared/backup/import';
import { describeWarnings } from '../../../src/shared/backup/warnings';
import { normaliseSettings, type Settings } from '../../../src/shared/settings';
import { readSettings, updateSettings } from '../../../src/shared/settings-items';
import { storageFaults } from '../fake-storage';
import { ANY, backupJson, CUSTOM, KNOWN } from './fixtures';

/** This build's stored alerts, every status, snoozes and a fired log (test/fixtures/storage/alerts/v1.json). */
const V1 = JSON.parse(readFileSync(path.resolve(__dirname, '../../fixtures/storage/alerts/v1.json'), 'utf8')) as { local: { alerts: { $v: 1; value: AlertsState } } };
const STORED: AlertsState = V1.local.alerts.value;

/** Wednesday 14 October 2026, 11:42 PKT, and an hour later for the import. */
const T0 = Date.UTC(2026, 9, 14, 6, 42);
const LATER = T0 + 3_600_000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const definition = (r: AlertDefinition): AlertDefinition => ({ subject: r.subject, index: r.index, kind: r.kind, threshold: r.threshold, rearm: r.rearm, hysteresisPct: r.hysteresisPct });
const definitions = (state: AlertsState): AlertDefinition[] => state.rules.map(definition);

const plan = (text: string, known = KNOWN): ImportPlan => {
  const parsed = parseBackupFile(text, 'backup.json', known);
  if (!parsed.ok) throw new Error(`expected a plan, got: ${parsed.error}`);
  return parsed.value;
};

/** A version-2 backup: the given settings and `data.alerts` as given (omitted when undefined). */
const v2 = (alerts: unknown, settings: unknown = {}): string =>
  JSON.stringify({ format: BACKUP_FORMAT, version: 2, exportedAt: '2026-10-14T06:41:00.000Z', app: '0.2.0', data: { settings, ...(alerts === undefined ? {} : { alerts }) } });

/** The options page's settings write (App.tsx): a refusal rejects. */
const saveSettings = async (edit: (current: Settings) => Settings): Promise<void> => {
  const saved = await updateSettings(edit);
  if (!saved.ok) throw new Error(saved.error.detail);
};
const apply = (p: ImportPlan, settingsChanged = 0, save = saveSettings) => applyImport(p, { saveSettings: save, settingsChanged, now: LATER });

const browserLocalSet = (items: Record<string, unknown>): Promise<void> => browser.storage.local.set(items);
const storeAlerts = (state: AlertsState): Promise<void> => browserLocalSet({ alerts: { $v: 1, value: state } });
const storedAlertsRaw = async (): Promise<unknown> => (await browser.storage.local.get('alerts'))['alerts'];

/** `n` distinct, valid rules on HUBC (thresholds 1, 2, …), as stored. */
function manyRules(n: number, from = 1): AlertRule[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `r-${from + i}`,
    subject: 'HUBC',
    index: false,
    kind: 'price-above' as const,
    threshold: from + i,
    rearm: 'manual' as const,
    hysteresisPct: 0.5,
    status: 'armed' as const,
    createdAt: T0,
    checkedDay: null,
    firedAt: null,
    firedValue: null,
    snoozedUntil: null,
  }));
}

beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  vi.spyOn(console, 'info').mockImplementation(() => undefined);
});
afterEach(() => vi.restoreAllMocks());

describe('export', () => {
  const exported = (state: AlertsState) =>
    JSON.parse(exportBackup(CUSTOM, T0, '0.2.0', state, {})) as { version: number; data: { settings: object; alerts: { rules: Record<string, unknown>[] } } };

  it(`is backup version ${BACKUP_VERSION}, with the settings and every rule's definition, in the user's order`, () => {
    const file = exported(STORED);
    expect(BACKUP_VERSION).toBe(2);
    expect(file.version).toBe(2);
    expect(file.data.alerts.rules).toHaveLength(STORED.rules.length);
    expect(file.data.alerts.rules).toEqual(definitions(STORED));
    expect(file.data.alerts.rules[0]).toEqual({ subject: 'HUBC', index: false, kind: 'price-above', threshold: 210, rearm: 'hysteresis', hysteresisPct: 0.5 });
    expect(file.data.alerts.rules.filter((r) => r['index'] === true).map((r) => r['subject'])).toEqual(['KSE100', 'ALLSHR']);
  });

  it('holds nothing of the rules’ state nor the fired log', () => {
    const file = exported(STORED);
    expect(Object.keys(file.data.alerts)).toEqual(['rules']);
    for (const rule of file.data.alerts.rules) expect(Object.keys(rule).sort()).toEqual(['hysteresisPct', 'index', 'kind', 'rearm', 'subject', 'threshold']);
    const text = JSON.stringify(file.data.alerts);
    for (const r of STORED.rules) expect(text).not.toContain(r.id);
    for (const f of STORED.fired) expect(text).not.toContain(f.id);
  });

  it('writes an empty list for a user with no alerts, and leaves out a rule storage would not keep', () => {
    expect(exported(emptyAlerts()).data.alerts).toEqual({ rules: [] });
    const broken = { ...STORED, rules: [{ ...STORED.rules[0]!, threshold: -1 }, STORED.rules[1]!] };
    expect(alertsData(broken)).toEqual({ rules: [definition(STORED.rules[1]!)] });
  });

  it('reads the alerts as stored, and refuses to make a backup without them when they cannot be read', async () => {
    await storeAlerts(STORED);
    expect(await readAlertsForBackup()).toEqual({ ok: true, value: STORED });
    storageFaults.failNext('local', 'get', 'IndexedDB error');
    const refused = await readAlertsForBackup();
    expect(refused).toEqual({ ok: false, error: expect.stringMatching(/^The alerts could not be read \(.*IndexedDB error\), so no backup was made\.$/) as unknown });
  });
});

describe('export, clear, import', () => {
  it('gives back the same definitions, each a new rule: fresh id, armed, never checked, nothing fired', async () => {
    await storeAlerts(STORED);
    const read = await readAlertsForBackup();
    if (!read.ok) throw new Error(read.error);
    const text = exportBackup(await readSettings(), T0, '0.2.0', read.value, {});
    await alertsItem.remove();
    expect(await alertsItem.get()).toEqual(emptyAlerts());

    // The default watchlist lists symbols the test directory does not: every symbol is taken.
    const p = plan(text, ANY);
    expect(p.alerts?.malformed).toEqual([]);
    expect(describeWarnings(p)).toEqual([]);
    const update = vi.spyOn(alertsItem, 'update');
    const done = await apply(p);
    expect(done).toEqual({ ok: true, value: `Imported backup.json: 0 settings changed, ${STORED.rules.length} alerts added.` });
    // One update for the whole file.
    expect(update).toHaveBeenCalledTimes(1);

    const back = await alertsItem.get();
    expect(definitions(back)).toEqual(definitions(STORED));
    expect(back.fired).toEqual([]);
    const fresh = new Set(back.rules.map((r) => r.id));
    expect(fresh.size).toBe(STORED.rules.length);
    for (const rule of back.rules) {
      expect(rule.id).toMatch(UUID);
      expect(STORED.rules.map((r) => r.id)).not.toContain(rule.id);
      expect(rule).toMatchObject({ status: 'armed', createdAt: LATER, checkedDay: null, firedAt: null, firedValue: null, snoozedUntil: null });
    }
  });

  it('fires nothing on the first reading after the import, even where the condition already holds', async () => {
    await apply(plan(exportBackup(CUSTOM, T0, '0.2.0', STORED, {})));
    const { rules } = await alertsItem.get();
    const hubc = rules.find((r) => r.subject === 'HUBC')!;
    // HUBC at 215, above the rule's 210: the rule learns it is already true, and waits.
    const reading = { subject: 'HUBC', index: false, price: 215, changePercent: 1.2, volume: 1_000_000, open: 212, previousClose: 212.45, at: LATER };
    let n = 0;
    const first = evaluateAlerts({ state: { rules, fired: [] }, readings: { [readingKey('HUBC', false)]: reading }, newId: () => `f${++n}` });
    expect(first.fired).toEqual([]);
    expect(first.state.rules.find((r) => r.id === hubc.id)).toMatchObject({ status: 'waiting' });
  });

  it('keeps the user’s own alerts, state and fired log, and adds the file’s after them', async () => {
    const mine: AlertsState = { rules: STORED.rules.slice(0, 2), fired: STORED.fired.slice(0, 1) };
    await storeAlerts(mine);
    await apply(plan(exportBackup(CUSTOM, T0, '0.2.0', { rules: STORED.rules.slice(1, 4), fired: [] }, {})));
    const after = await alertsItem.get();
    expect(after.rules.slice(0, 2)).toEqual(mine.rules);
    expect(after.fired).toEqual(mine.fired);
    expect(definitions(after)).toEqual(definitions({ rules: STORED.rules.slice(0, 4), fired: [] }));
  });
});

describe('importing the same file twice', () => {
  it('adds its alerts once: the second import finds them all and writes nothing', async () => {
    const text = exportBackup(CUSTOM, T0, '0.2.0', STORED, {});
    expect((await apply(plan(text))).ok).toBe(true);
    const once = await storedAlertsRaw();

    expect(describeAlerts(await alertsItem.get(), plan(text))).toMatchObject({ inFile: STORED.rules.length, fresh: 0, adds: 0, text: `Alerts: ${STORED.rules.length} in the file, none new (you have them all already).` });
    const again = await apply(plan(text));
    expect(again).toEqual({ ok: true, value: `Imported backup.json: 0 settings changed, 0 alerts added (${STORED.rules.length} you had already).` });
    expect(await storedAlertsRaw()).toEqual(once);
    expect((await alertsItem.get()).rules).toHaveLength(STORED.rules.length);
  });

  it('knows a rule by subject, index, kind and threshold: another re-arm mode is the same alert, another threshold or index flag is not', () => {
    const mine = manyRules(1, 210);
    const file: AlertDefinition[] = [
      { subject: 'HUBC', index: false, kind: 'price-above', threshold: 210, rearm: 'daily', hysteresisPct: 2 },
      { subject: 'HUBC', index: false, kind: 'price-above', threshold: 210.5, rearm: 'manual', hysteresisPct: 0.5 },
      { subject: 'HUBC', index: false, kind: 'price-below', threshold: 210, rearm: 'manual', hysteresisPct: 0.5 },
      { subject: 'HUBC', index: true, kind: 'price-above', threshold: 210, rearm: 'manual', hysteresisPct: 0.5 },
      { subject: 'OGDC', index: false, kind: 'price-above', threshold: 210, rearm: 'manual', hysteresisPct: 0.5 },
    ];
    const merge = mergeAlerts({ rules: mine, fired: [] }, file, LATER);
    expect(merge.duplicates).toBe(1);
    expect(merge.added.map(definition)).toEqual(file.slice(1));
    // The user's rule stays as they set it.
    expect(merge.state.rules[0]).toEqual(mine[0]);
  });

  it('takes a rule the file repeats once', () => {
    const rule = definition(STORED.rules[0]!);
    const p = plan(v2({ rules: [rule, { ...rule, rearm: 'daily' }, rule] }));
    expect(p.alerts?.rules).toEqual([rule]);
    expect(p.alerts?.malformed).toEqual([]);
  });
});

describe(`the cap of ${MAX_RULES} alerts`, () => {
  const file = (n: number, from: number) => v2({ rules: manyRules(n, from).map(definition) });

  it('adds what fits, in the file’s order, and says how many were left out, in the preview and after', async () => {
    const mine = manyRules(MAX_RULES - 2);
    await storeAlerts({ rules: mine, fired: [] });
    // One the user has (threshold 198), then five new ones: two fit.
    const p = plan(file(6, MAX_RULES - 2));
    const sentence = `Only 2 of the file's 5 new alerts can be added, as at most ${MAX_RULES} alerts are kept: 3 are left out.`;
    expect(describeAlerts(await alertsItem.get(), p)).toEqual({ inFile: 6, fresh: 5, adds: 2, text: 'Alerts: 6 in the file, 5 new (1 you have already).', warning: sentence });

    const done = await apply(p);
    expect(done).toEqual({ ok: true, value: `Imported backup.json: 0 settings changed, 2 alerts added (1 you had already). ${sentence}` });
    const after = await alertsItem.get();
    expect(after.rules).toHaveLength(MAX_RULES);
    expect(after.rules.slice(0, mine.length)).toEqual(mine);
    expect(after.rules.slice(mine.length).map((r) => r.threshold)).toEqual([199, 200]);
  });

  it('adds nothing to a full list, and says so', async () => {
    await storeAlerts({ rules: manyRules(MAX_RULES), fired: [] });
    const before = await storedAlertsRaw();
    const done = await apply(plan(file(1, 500)));
    expect(done).toEqual({ ok: true, value: `Imported backup.json: 0 settings changed, 0 alerts added. Only 0 of the file's 1 new alerts can be added, as at most ${MAX_RULES} alerts are kept: 1 is left out.` });
    expect(await storedAlertsRaw()).toEqual(before);
  });

  it(`cuts a file of more than ${MAX_RULES} rules for a user with none`, async () => {
    const p = plan(file(MAX_RULES + 25, 1));
    expect(describeAlerts(emptyAlerts(), p)?.warning).toBe(`Only ${MAX_RULES} of the file's ${MAX_RULES + 25} new alerts can be added, as at most ${MAX_RULES} alerts are kept: 25 are left out.`);
    await apply(p);
    expect((await alertsItem.get()).rules.map((r) => r.threshold)).toEqual(manyRules(MAX_RULES).map((r) => r.threshold));
  });
});

describe('malformed alert entries', () => {
  const good = definition(STORED.rules[0]!);
  const entries: unknown[] = [
    good,
    { ...good, subject: 'hubc' },
    'HUBC above 210',
    { ...good, kind: 'price-crosses' },
    { ...good, threshold: -5 },
    null,
    { ...good, threshold: '210' },
    { subject: 'KSE100', index: true, kind: 'volume-above', threshold: 1000, rearm: 'manual', hysteresisPct: 0.5 },
    { ...good, rearm: 'weekly' },
    { ...good, hysteresisPct: 50 },
    { ...good, index: 'yes' },
    [good],
    { ...good, kind: 'change-above', threshold: 150 },
    definition(STORED.rules[4]!),
  ];

  it('are skipped and listed by place, the good ones kept, nothing thrown', () => {
    const p = plan(v2({ rules: entries }, { privacy: true }));
    expect(p.settings).toEqual({ privacy: true });
    expect(p.alerts?.rules).toEqual([good, definition(STORED.rules[4]!)]);
    expect(p.alerts?.malformed.map((m) => m.position)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(p.alerts?.malformed[1]).toEqual({ position: 3, text: 'HUBC above 210' });
    expect(p.alerts?.malformed[4]).toEqual({ position: 6, text: 'null' });
    // Cut for display as the watchlist's are.
    expect(p.alerts?.malformed[0]?.text).toMatch(/^\{"subject":"hubc",.{20,}…$/);
    const [sentence, ...rest] = describeWarnings(p);
    expect(sentence).toMatch(/^Skipped 12 entries that are not valid alerts: alert 2 \(“.*”\), alert 3 \(“HUBC above 210”\), .* and 2 more\.$/);
    expect(rest).toEqual([]);
  });

  it('leave a preview that says none can be imported when no entry is valid', () => {
    expect(describeAlerts(emptyAlerts(), plan(v2({ rules: [42, null] })))?.text).toBe('Alerts: none in the file that can be imported.');
    expect(describeAlerts(emptyAlerts(), plan(v2({ rules: [] })))?.text).toBe('Alerts: none in the file.');
  });

  it('in one sentence for one, and beside the watchlist’s', () => {
    const p = plan(v2({ rules: [good, 42] }, { watchlist: ['HUBC', '$$$'] }));
    expect(describeWarnings(p)).toEqual(['Skipped watchlist entry 2 (“$$$”): not a symbol.', 'Skipped alert 2 (“42”): not a valid alert.']);
  });

  it('are not imported; the good ones are', async () => {
    await apply(plan(v2({ rules: entries })));
    expect(definitions(await alertsItem.get())).toEqual([good, definition(STORED.rules[4]!)]);
  });

  it('give a field the file leaves out its default, and ignore the state a file should not carry', () => {
    const p = plan(v2({ rules: [{ subject: 'OGDC', kind: 'price-below', threshold: 300 }, { ...STORED.rules[7], id: 'someone-elses', status: 'fired', snoozedUntil: LATER }] }));
    expect(p.alerts?.rules).toEqual([
      { subject: 'OGDC', index: false, kind: 'price-below', threshold: 300, rearm: 'manual', hysteresisPct: 0.5 },
      definition(STORED.rules[7]!),
    ]);
  });

  it.each<[string, unknown]>([
    ['text', 'my alerts'],
    ['a list', [good]],
    ['rules that are no list', { rules: { 0: good } }],
    ['null', null],
  ])('in an alerts section that is %s: a warning, the settings still imported, the user’s alerts left alone', async (_name, alerts) => {
    await storeAlerts(STORED);
    const p = plan(v2(alerts, { privacy: true }));
    expect(p.alerts).toBeUndefined();
    expect(p.settings).toEqual({ privacy: true });
    expect(describeWarnings(p)).toEqual(["The file's alerts cannot be read, so yours are kept as they are."]);
    const update = vi.spyOn(alertsItem, 'update');
    expect(await apply(p, 1)).toEqual({ ok: true, value: 'Imported backup.json: 1 setting changed.' });
    expect(update).not.toHaveBeenCalled();
    expect(await storedAlertsRaw()).toEqual(V1.local.alerts);
    expect((await readSettings()).privacy).toBe(true);
  });
});

describe('a file of the previous format (version 1)', () => {
  it('imports its settings as before and leaves the alerts exactly as they are', async () => {
    await storeAlerts(STORED);
    const p = plan(backupJson({ privacy: true, watchlist: ['PSO', 'HUBC'] }));
    expect(p).toEqual({ kind: 'backup', fileName: 'backup.json', settings: { privacy: true, watchlist: ['PSO', 'HUBC'] }, unknownSymbols: [], malformed: [], warnings: [] });
    const update = vi.spyOn(alertsItem, 'update');
    expect(await apply(p, 2)).toEqual({ ok: true, value: 'Imported backup.json: 2 settings changed.' });
    expect(update).not.toHaveBeenCalled();
    expect(await storedAlertsRaw()).toEqual(V1.local.alerts);
    expect(await readSettings()).toEqual(normaliseSettings({ ...(await readSettings()), privacy: true, watchlist: ['PSO', 'HUBC'] }));
    expect((await readSettings()).watchlist).toEqual(['PSO', 'HUBC']);
  });

  it('is not read for alerts even if it has a section of that name, which version 1 never wrote', () => {
    const text = JSON.stringify({ format: BACKUP_FORMAT, version: 1, data: { settings: {}, alerts: { rules: [definition(STORED.rules[0]!)] } } });
    expect(plan(text).alerts).toBeUndefined();
  });

  it('as does a version-2 file without an alerts section', async () => {
    await storeAlerts(STORED);
    const p = plan(v2(undefined, { privacy: true }));
    expect(p.alerts).toBeUndefined();
    expect(await importAlerts(p, LATER)).toEqual({ ok: true, value: null });
    expect(await storedAlertsRaw()).toEqual(V1.local.alerts);
  });
});

describe('a failure', () => {
  const text = v2({ rules: [definition(STORED.rules[0]!)] }, { privacy: true });
  const settingsSaved = vi.fn(() => Promise.resolve());

  it('of the alerts write is said, not reported as an import done', async () => {
    storageFaults.failNext('local', 'set', 'QUOTA_BYTES quota exceeded');
    const done = await apply(plan(text), 1, settingsSaved);
    expect(done).toEqual({ ok: false, error: 'The settings were imported, but the alerts could not be saved: QUOTA_BYTES quota exceeded.' });
    expect(await storedAlertsRaw()).toBeUndefined();
    // Nothing of the settings to tell: the alerts alone.
    storageFaults.failNext('local', 'set', 'QUOTA_BYTES quota exceeded');
    expect(await apply(plan(text), 0, settingsSaved)).toEqual({ ok: false, error: 'The alerts could not be saved: QUOTA_BYTES quota exceeded.' });
  });

  it('of the alerts, stored by a newer version, refuses and leaves them', async () => {
    const newer = { $v: 2, value: { rules: STORED.rules.slice(0, 1), fired: [] } };
    await browserLocalSet({ alerts: newer });
    const done = await apply(plan(text), 1, settingsSaved);
    expect(done).toEqual({ ok: false, error: 'The settings were imported, but the alerts could not be saved: alerts was saved by a newer version of the extension.' });
    expect(await storedAlertsRaw()).toEqual(newer);
  });

  it('of the settings write stops the import before the alerts', async () => {
    const update = vi.spyOn(alertsItem, 'update');
    const done = await apply(plan(text), 1, () => Promise.reject(new Error('QUOTA_BYTES_PER_ITEM quota exceeded.')));
    expect(done).toEqual({ ok: false, error: 'The import could not be saved: QUOTA_BYTES_PER_ITEM quota exceeded.' });
    expect(update).not.toHaveBeenCalled();
    expect(await storedAlertsRaw()).toBeUndefined();
  });

  it('never calls the settings write late: it starts before anything is awaited', () => {
    const save = vi.fn(() => Promise.resolve());
    void applyImport(plan(text), { saveSettings: save, settingsChanged: 1, now: LATER });
    expect(save).toHaveBeenCalledTimes(1);
  });
});
