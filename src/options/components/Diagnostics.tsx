/**
 * Diagnostics: what went wrong or changed lately (from the background's bounded log), newest
 * first, and a "Copy report" button that puts a plain-text report on the clipboard for a bug
 * report. Nothing is sent anywhere; the user decides where the text goes.
 */
import { useState } from 'preact/hooks';
import type { DiagnosticEvent } from '../../shared/diagnostics';
import { formatWhen } from '../../shared/format';
import type { SourceId, SourceStatus } from '../../shared/model';
import type { TimeZoneChoice } from '../../shared/settings';
import { text } from '../i18n';

interface DiagnosticsProps {
  /** Oldest first, as stored. */
  events: readonly DiagnosticEvent[];
  /** Each source's health, for the report. */
  sources: Partial<Record<SourceId, SourceStatus>>;
  /** The storage notice, if any, for the report. */
  storageNotice: string | null;
  appVersion: string;
  now: number;
  zone: TimeZoneChoice;
  /** Where the report goes; the browser's clipboard by default. */
  copy?: (text: string) => Promise<void>;
}

const clipboard = (text: string): Promise<void> => navigator.clipboard.writeText(text);

/** The report, as plain text: version, browser, storage, every source's health, every event. */
export function diagnosticsReport({ events, sources, storageNotice, appVersion, now }: Omit<DiagnosticsProps, 'copy' | 'zone'>): string {
  const iso = (t: number | null | undefined): string => (t == null ? '—' : new Date(t).toISOString());
  const lines = [
    `PSX Market Overlay ${appVersion}, report of ${iso(now)}`,
    `Browser: ${navigator.userAgent}`,
    `Storage: ${storageNotice ?? 'no problem recorded'}`,
    '',
    'Sources:',
    ...Object.entries(sources).map(
      ([id, s]) => `  ${id}: ${s?.state ?? '?'}, last ok ${iso(s?.lastOk)}, failures ${s?.failures ?? 0}${s?.lastError ? `, last error ${s.lastError.kind} (${s.lastError.detail})` : ''}, next try ${iso(s?.nextTry)}`,
    ),
    '',
    `Events (${events.length}, oldest first):`,
    ...events.map((e) => `  ${iso(e.at)} ${e.kind} ${e.subject}: ${e.detail}`),
  ];
  return lines.join('\n');
}

export function Diagnostics(props: DiagnosticsProps) {
  const { events, now, zone, copy = clipboard } = props;
  const [copied, setCopied] = useState<string | null>(null);
  const onCopy = (): void => {
    copy(diagnosticsReport(props)).then(
      () => setCopied(text().t('options_report_copied')),
      (cause: unknown) => setCopied(text().t('options_report_failed', { cause: cause instanceof Error ? cause.message : String(cause) })),
    );
  };
  const newestFirst = [...events].reverse();
  const { t, plural } = text();
  return (
    <section class="diagnostics" aria-labelledby="diagnostics-heading">
      <h2 id="diagnostics-heading">{t('options_diag_heading')}</h2>
      <p class="hint">{plural('options_diag_hint', events.length)}</p>
      <button type="button" onClick={onCopy}>
        {t('options_copy_report')}
      </button>
      {copied && <span role="status"> {copied}</span>}
      {newestFirst.length === 0 ? (
        <p>{t('options_diag_none')}</p>
      ) : (
        <ol class="diagnostics__events" reversed>
          {newestFirst.map((e, i) => (
            <li key={`${e.at}-${i}`} class={`diagnostics__event diagnostics__event--${e.kind}`}>
              <time dateTime={new Date(e.at).toISOString()}>{formatWhen(e.at, now, zone)}</time> <strong>{e.kind}</strong> {e.subject}: {e.detail}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
