/**
 * The watchlist rows' messages (src/locales/<lang>/rows.json): the rows and their buttons, the
 * alert and holdings forms under them, the marks, the search box and the portfolio totals. Urdu comes from the packaged catalogue
 * (i18n/urdu.ts); the catalogue test keeps the two in step.
 */
import en from '../locales/en/rows.json';
import { translatorFor } from '../shared/i18n/catalogue';

export type RowsKey = keyof typeof en;

export const text = translatorFor<RowsKey>({ en });
