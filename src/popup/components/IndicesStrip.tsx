import { formatPrice } from '../../shared/format';
import type { IndexQuote } from '../../shared/model';
import { Change } from './Change';

interface IndicesStripProps {
  /** Index codes in the order the user chose (KSE100, KSE30 by default). */
  codes: string[];
  /** Latest values by code; a code without one shows a dash. */
  indices: Record<string, IndexQuote>;
}

/** Display names as the ticker prints them. */
const INDEX_NAMES: Record<string, string> = { KSE100: 'KSE-100', KSE30: 'KSE-30', ALLSHR: 'All Share', KMI30: 'KMI-30' };

export function IndicesStrip({ codes, indices }: IndicesStripProps) {
  return (
    <ul class="indices" aria-label="Indices">
      {codes.map((code) => {
        const quote = indices[code];
        return (
          <li class="index" key={code} data-code={code}>
            <span class="index__name">{INDEX_NAMES[code] ?? code}</span>
            {quote ? (
              <>
                <span class="index__value num">{formatPrice(quote.value)}</span>
                <Change change={quote.change} percent={quote.changePercent} />
                {quote.staleDate && <span class="index__stale">as of {quote.staleDate}</span>}
              </>
            ) : (
              <span class="index__value num" aria-label="No data">—</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
