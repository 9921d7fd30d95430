import type { Ref } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { MAX_WATCHLIST } from '../../shared/settings';
import { searchInstruments, type Instrument } from '../../shared/symbol-directory';
import { text } from '../rows-i18n';

interface SymbolSearchProps {
  /** The instrument directory; search works offline from it. */
  instruments: Instrument[];
  /** Symbols already on the list, which are not offered again. */
  taken: readonly string[];
  /** Whether another symbol still fits (the list holds at most 100). */
  full: boolean;
  onAdd: (symbol: string) => void;
  /** The box, for the watchlist to give focus back to (after its last row is removed). */
  inputRef?: Ref<HTMLInputElement>;
}

/**
 * A combobox: type, move through suggestions with ↑/↓, Enter adds, Escape closes. Suggestions
 * match the symbol's start first, then words of the company name; debt instruments come last.
 */
export function SymbolSearch({ instruments, taken, full, onAdd, inputRef }: SymbolSearchProps) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const suggestions = useMemo(() => {
    if (query.trim() === '') return [];
    const shares = searchInstruments(instruments, query, { limit: 8 });
    const debt = shares.length < 8 ? searchInstruments(instruments.filter((i) => i.isDebt), query, { includeDebt: true, limit: 8 - shares.length }) : [];
    return [...shares, ...debt].filter((i) => !taken.includes(i.symbol));
  }, [instruments, query, taken]);
  const expanded = open && suggestions.length > 0;

  const choose = (symbol: string): void => {
    onAdd(symbol);
    setQuery('');
    setOpen(false);
    setActive(0);
  };
  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (suggestions.length === 0 ? 0 : (i + step + suggestions.length) % suggestions.length));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const picked = suggestions[active]?.symbol ?? (instruments.length === 0 ? query.trim().toUpperCase() : undefined);
      if (picked && !full) choose(picked);
    } else if (event.key === 'Escape' && expanded) {
      event.preventDefault();
      event.stopPropagation(); // close the list, not the popup
      setOpen(false);
    }
  };
  const { t } = text();
  return (
    <div class="search">
      <input
        ref={inputRef}
        class="search__input"
        type="text"
        role="combobox"
        aria-label={t('rows_add_symbol')}
        aria-expanded={expanded}
        aria-controls="symbol-suggestions"
        aria-autocomplete="list"
        aria-activedescendant={expanded ? `suggestion-${active}` : undefined}
        placeholder={full ? t('rows_full_placeholder', { max: MAX_WATCHLIST }) : t('rows_add_placeholder')}
        disabled={full}
        value={query}
        onInput={(e) => {
          setQuery((e.currentTarget as HTMLInputElement).value);
          setActive(0);
          setOpen(true);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
        autoComplete="off"
        spellcheck={false}
      />
      <ul id="symbol-suggestions" class="search__list" role="listbox" aria-label={t('rows_suggestions')} hidden={!expanded}>
        {suggestions.map((item, i) => (
          <li
            key={item.symbol}
            id={`suggestion-${i}`}
            role="option"
            aria-selected={i === active}
            class={i === active ? 'search__option search__option--active' : 'search__option'}
            // mousedown, not click: the input's blur would close the list first
            onMouseDown={(e) => {
              e.preventDefault();
              choose(item.symbol);
            }}
          >
            <span class="search__symbol" dir="ltr">
              {item.symbol}
            </span>{' '}
            <span class="search__name" dir="auto">
              {item.name}
            </span>
            {item.isDebt && (
              <span class="search__tag">
                {' '}
                {t('rows_debt')}
              </span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
