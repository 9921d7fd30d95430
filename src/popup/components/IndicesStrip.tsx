import { formatPrice } from '../../shared/format';
import type { IndexQuote } from '../../shared/model';
import { text, type PopupKey } from '../i18n';
import { Change } from './Change';

interface IndicesStripProps {
  /** Index codes in the order the user chose (KSE100, KSE30 by default). */
  codes: string[];
  /** Latest values by code; a code without one shows a dash. */
  indices: Record<string, IndexQuote>;
}

/** Display names as the ticker prints them: codes, but for the one index named in words. */
const INDEX_NAMES: Record<string, string> = { KSE100: 'KSE-100', KSE30: 'KSE-30', KMI30: 'KMI-30' };
const INDEX_WORDS: Record<string, PopupKey> = { ALLSHR: 'popup_index_allshr' };
const indexName = (code: string): string => {
  const words = INDEX_WORDS[code];
  return words ? text().t(words) : (INDEX_NAMES[code] ?? code);
};

export function IndicesStrip({ codes, indices }: IndicesStripProps) {
  const { t } = text();
  return (
    <ul class="indices" aria-label={t('popup_indices_name')}>
      {codes.map((code) => {
        const quote = indices[code];
        return (
          <li class="index" key={code} data-code={code}>
            <span class="index__name" dir={INDEX_WORDS[code] ? undefined : 'ltr'}>{indexName(code)}</span>
            {quote ? (
              <>
                <span class="index__value num" dir="ltr">{formatPrice(quote.value)}</span>
                <Change change={quote.change} percent={quote.changePercent} />
                {quote.staleDate && <span class="index__stale">{t('popup_index_as_of', { date: quote.staleDate })}</span>}
              </>
            ) : (
              <span class="index__value num" aria-label={t('popup_no_data')}>—</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
