/**
 * Backups: export everything (JSON), the watchlist (CSV) or the holdings (CSV), and import any
 * of them after a preview. Choosing a file only reads it; nothing changes until the user
 * confirms. The caller writes the settings; the alert rules and the holdings are read and
 * merged through shared/backup/apply.ts.
 */
import { useId, useRef, useState } from 'preact/hooks';
import { emptyAlerts, type AlertsState } from '../../shared/alerts/rules';
import { describeAlerts } from '../../shared/backup/alerts';
import { applyImport, currentAlerts, currentHoldings, readAlertsForBackup, readHoldingsForBackup } from '../../shared/backup/apply';
import { backupFileName, exportBackup, exportWatchlistCsv, holdingsFileName, watchlistFileName } from '../../shared/backup/export';
import { fileTooLarge, MAX_BACKUP_BYTES, type ImportPlan } from '../../shared/backup/format';
import { describeHoldings } from '../../shared/backup/holdings';
import { exportHoldingsCsv } from '../../shared/backup/holdings-csv';
import type { Holdings } from '../../shared/holdings/model';
import { parseBackupFile } from '../../shared/backup/import';
import { describePlan } from '../../shared/backup/preview';
import { describeWarnings } from '../../shared/backup/warnings';
import type { Settings } from '../../shared/settings';
import { text } from '../i18n';

interface DataSectionProps {
  /** The settings as they are now: what is exported, and what a preview compares against. */
  settings: Settings;
  /** Every listed PSX symbol, or null while the directory is not loaded (then none are refused). */
  knownSymbols: ReadonlySet<string> | null;
  /** The extension's version, recorded in backups for people and bug reports. */
  appVersion: string;
  /**
   * Saves the confirmed import as an edit of the settings as they are in storage then, so a
   * change made elsewhere meanwhile (a toggle in the popup) is not undone; a rejection is shown
   * to the user and the preview kept.
   */
  onApply: (edit: (current: Settings) => Settings) => Promise<void>;
  /** The clock, for the backup's timestamp and the file names (tests pin it). */
  now?: () => number;
}

type Message = { kind: 'error' | 'status'; text: string };

/** Hands a text to the browser as a download: a Blob URL behind a temporary `<a download>`. */
function download(text: string, type: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later, not at once: Firefox starts the download after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function DataSection({ settings, knownSymbols, appVersion, onApply, now = Date.now }: DataSectionProps) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  // Which file read is the latest: a slow read of an earlier choice must not replace a later one.
  const reading = useRef(0);
  const [plan, setPlan] = useState<ImportPlan | null>(null);
  // The alerts stored when the file was read: what the preview counts the file's against.
  const [alerts, setAlerts] = useState<AlertsState | null>(null);
  // The same for the holdings.
  const [holdings, setHoldings] = useState<Holdings | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [busy, setBusy] = useState(false);

  const exportAll = (): void => {
    const at = now();
    const name = backupFileName(at);
    // The alerts are read at the click, so the backup has the rules as they are now. A download
    // through `<a download>` needs no user gesture, so the read before it costs nothing.
    void Promise.all([readAlertsForBackup(), readHoldingsForBackup()]).then(([read, held]) => {
      if (!read.ok || !held.ok) {
        setMessage({ kind: 'error', text: !read.ok ? read.error : !held.ok ? held.error : '' });
        return;
      }
      download(exportBackup(settings, at, appVersion, read.value, held.value), 'application/json', name);
      setMessage({ kind: 'status', text: text().t('options_exported_all', { name }) });
    });
  };
  const exportHoldings = (): void => {
    const name = holdingsFileName(now());
    void readHoldingsForBackup('export').then((held) => {
      if (!held.ok) {
        setMessage({ kind: 'error', text: held.error });
        return;
      }
      download(exportHoldingsCsv(held.value), 'text/csv', name);
      const count = Object.keys(held.value).length;
      setMessage({ kind: 'status', text: text().plural('options_exported_holdings', count, { name }) });
    });
  };
  const exportCsv = (): void => {
    const name = watchlistFileName(now());
    download(exportWatchlistCsv(settings.watchlist), 'text/csv', name);
    setMessage({ kind: 'status', text: text().t('options_exported_watchlist', { name }) });
  };

  /** Back to no file chosen, with focus on the chooser so keyboard users are not lost. */
  const reset = (): void => {
    setPlan(null);
    if (input.current) {
      // Cleared so that choosing the same file again is a change the input reports.
      input.current.value = '';
      input.current.focus();
    }
  };

  const choose = (event: Event): void => {
    const file = (event.currentTarget as HTMLInputElement).files?.[0];
    const turn = ++reading.current;
    setPlan(null);
    setMessage(null);
    if (!file) return;
    // Checked before reading: a huge file is refused without being loaded into memory.
    if (file.size > MAX_BACKUP_BYTES) {
      setMessage({ kind: 'error', text: fileTooLarge() });
      return;
    }
    Promise.all([file.text(), currentAlerts(), currentHoldings()]).then(
      ([text, stored, held]) => {
        if (turn !== reading.current) return;
        const parsed = parseBackupFile(text, file.name, { symbols: knownSymbols });
        setAlerts(stored);
        setHoldings(held);
        if (parsed.ok) setPlan(parsed.value);
        else setMessage({ kind: 'error', text: parsed.error });
      },
      () => {
        if (turn === reading.current) setMessage({ kind: 'error', text: text().t('options_file_unreadable') });
      },
    );
  };

  const confirm = (): void => {
    if (!plan) return;
    const confirmed = plan;
    const count = describePlan(settings, plan).length;
    setBusy(true);
    setMessage(null);
    // onApply is called straight from the click, before any await, so the caller may still use
    // the user's gesture (a permission prompt for an imported feed's site needs one).
    void applyImport(confirmed, { saveSettings: onApply, settingsChanged: count, now: now() }).then((done) => {
      setBusy(false);
      if (done.ok) {
        setMessage({ kind: 'status', text: done.value });
        reset();
      } else setMessage({ kind: 'error', text: done.error });
    });
  };

  const changes = plan ? describePlan(settings, plan) : [];
  const alertsPreview = plan ? describeAlerts(alerts ?? emptyAlerts(), plan) : null;
  const holdingsPreview = plan ? describeHoldings(holdings ?? {}, settings, plan) : null;
  const warnings = plan ? [...describeWarnings(plan), ...(alertsPreview?.warning ? [alertsPreview.warning] : []), ...(holdingsPreview?.warnings ?? [])] : [];
  const nothing = changes.length === 0 && (alertsPreview?.adds ?? 0) === 0 && (holdingsPreview?.changes ?? 0) === 0;
  const { t } = text();
  return (
    <section class="data" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('options_data_heading')}</h2>
      <div class="data__export">
        <button type="button" onClick={exportAll}>
          {t('options_export_all')}
        </button>{' '}
        <button type="button" onClick={exportCsv}>
          {t('options_export_watchlist')}
        </button>{' '}
        <button type="button" onClick={exportHoldings}>
          {t('options_export_holdings')}
        </button>
      </div>
      <div class="data__import">
        {/* The browser's own file button speaks its own language ("Choose File", "No file
            chosen"), not the page's: the input is kept, focusable and named by this label, but
            drawn as the label alone, which looks like the page's other buttons. */}
        <input
          ref={input}
          id={`${id}-file`}
          class="file-chooser"
          type="file"
          accept=".json,.csv,text/csv,application/json"
          aria-describedby={`${id}-hint`}
          onChange={choose}
        />
        <label for={`${id}-file`} class="file-chooser__button">
          {t('options_import_choose')}
        </label>
        <p id={`${id}-hint`} class="hint">
          {t('options_import_hint')}
        </p>
      </div>
      {plan && (
        <div class="data__preview" role="group" aria-labelledby={`${id}-preview`}>
          <h3 id={`${id}-preview`}>
            {t('options_import_preview')} <bdi>{plan.fileName}</bdi>
          </h3>
          {changes.length === 0 ? (
            plan.kind === 'holdings-csv' ? (
              <p>{nothing ? t('options_preview_holdings_same') : t('options_preview_watchlist_has_all')}</p>
            ) : (
              <p>{nothing ? t('options_preview_nothing') : t('options_preview_no_setting')}</p>
            )
          ) : (
            <ul class="data__changes">
              {changes.map((change) => (
                <li key={change.field}>{change.text}</li>
              ))}
            </ul>
          )}
          {alertsPreview && <p class="data__alerts">{alertsPreview.text}</p>}
          {holdingsPreview && <p class="data__holdings">{holdingsPreview.text}</p>}
          {warnings.length > 0 && (
            <ul class="data__warnings" aria-label={t('options_preview_warnings')}>
              {warnings.map((text) => (
                <li key={text}>{text}</li>
              ))}
            </ul>
          )}
          <button type="button" onClick={confirm} disabled={busy || nothing} aria-busy={busy}>
            {busy ? t('options_importing') : t('options_import')}
          </button>{' '}
          <button type="button" onClick={reset} disabled={busy}>
            {t('options_cancel')}
          </button>
        </div>
      )}
      {/* Always in the page, so that screen readers announce a message put into them. */}
      <p class="data__error" role="alert">
        {message?.kind === 'error' ? message.text : ''}
      </p>
      <p class="data__status" role="status">
        {message?.kind === 'status' ? message.text : ''}
      </p>
    </section>
  );
}
