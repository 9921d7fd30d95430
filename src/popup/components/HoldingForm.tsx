/**
 * A symbol's holding, typed in under its row: quantity and average price, checked as typed
 * values (shared/holdings/validate.ts), saved through the holdings store. What is wrong is
 * said under its box in an alert; Escape and Cancel close without saving, and focus goes back
 * to the row's holdings button (the caller's onClose).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Holding } from '../../shared/holdings/model';
import type { Result } from '../../shared/result';
import { clearHolding, setHolding, type HoldingEditError } from '../../shared/holdings/store';
import { MAX_AVERAGE_PRICE, MAX_QUANTITY, type FieldProblem } from '../../shared/holdings/model';
import { draftOf, draftProblems, type HoldingDraft, type HoldingField } from '../../shared/holdings/validate';
import { text, type RowsKey } from '../rows-i18n';

interface HoldingFormProps {
  id: string;
  symbol: string;
  /** The holding stored now, if any: the boxes start with it, and Clear is offered. */
  holding: Holding | undefined;
  /** Closes the form (after Save, Clear, Cancel or Escape). */
  onClose: () => void;
}

/** What the form says under a box: what to type instead (the checks' codes, in the display language). */
const PROBLEM_KEYS: Readonly<Record<HoldingField, Readonly<Record<FieldProblem, RowsKey>>>> = {
  quantity: {
    'missing': 'rows_quantity_missing',
    'not-number': 'rows_quantity_not_number',
    'fraction': 'rows_quantity_fraction',
    'too-small': 'rows_quantity_too_small',
    'too-large': 'rows_quantity_too_large',
    'too-precise': 'rows_quantity_fraction',
  },
  averagePrice: {
    'missing': 'rows_average_missing',
    'not-number': 'rows_average_not_number',
    'fraction': 'rows_average_not_number',
    'too-small': 'rows_average_too_small',
    'too-large': 'rows_average_too_large',
    'too-precise': 'rows_average_too_precise',
  },
};
const LIMITS: Readonly<Record<HoldingField, number>> = { quantity: MAX_QUANTITY, averagePrice: MAX_AVERAGE_PRICE };

type Problems = Partial<Record<HoldingField, FieldProblem>>;

export function HoldingForm({ id, symbol, holding, onClose }: HoldingFormProps) {
  const [draft, setDraft] = useState<HoldingDraft>(() => draftOf(holding));
  const [invalid, setInvalid] = useState<Problems>({});
  const [problem, setProblem] = useState<string | null>(null);
  const busy = useRef(false);
  const quantityRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    quantityRef.current?.focus();
    quantityRef.current?.select();
  }, []);

  const settle = (what: Promise<Result<unknown, HoldingEditError>>): void => {
    busy.current = true;
    setProblem(null);
    void what
      .then(
        (result) => (result.ok ? onClose() : setProblem(result.error.message)),
        (cause: unknown) => setProblem(text().t('rows_holding_failed', { cause: String(cause) })),
      )
      .finally(() => {
        busy.current = false;
      });
  };

  const onSubmit = (event: Event): void => {
    event.preventDefault();
    if (busy.current) return;
    const checked = draftProblems(draft);
    setInvalid(checked.ok ? {} : checked.error);
    if (!checked.ok) return;
    settle(setHolding(symbol, checked.value));
  };

  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    onClose();
  };

  const { t } = text();
  const words = (name: HoldingField): string | null => {
    const code = invalid[name];
    return code ? t(PROBLEM_KEYS[name][code], { max: LIMITS[name] }) : null;
  };
  const field = (name: keyof HoldingDraft, label: string, inputMode: 'numeric' | 'decimal') => {
    const why = words(name);
    const whyId = `${id}-${name}-invalid`;
    return (
      <label>
        <span>{label}</span>
        <input
          ref={name === 'quantity' ? quantityRef : undefined}
          type="text"
          name={name}
          inputMode={inputMode}
          autocomplete="off"
          dir="ltr"
          value={draft[name]}
          aria-invalid={why ? 'true' : undefined}
          aria-describedby={why ? whyId : undefined}
          onInput={(e) => {
            const value = (e.currentTarget as HTMLInputElement).value;
            setDraft((current) => ({ ...current, [name]: value }));
          }}
        />
      </label>
    );
  };

  const headingId = `${id}-title`;
  return (
    <form class="alert-form holding-form" id={id} data-holding-form={symbol} aria-labelledby={headingId} onSubmit={onSubmit} onKeyDown={onKeyDown} noValidate>
      <h3 class="alert-form__title" id={headingId}>
        {t('rows_holdings_for', { symbol })}
      </h3>
      <div class="alert-form__fields holding-form__fields">
        {field('quantity', t('rows_quantity_label'), 'numeric')}
        {field('averagePrice', t('rows_average_label'), 'decimal')}
      </div>
      {(['quantity', 'averagePrice'] as const).map(
        (name) =>
          invalid[name] && (
            <p key={name} class="alert-form__problem" id={`${id}-${name}-invalid`} role="alert">
              {words(name)}
            </p>
          ),
      )}
      {problem !== null && (
        <p class="alert-form__problem" role="alert">
          {problem}
        </p>
      )}
      <p class="alert-form__note">{t('rows_holding_note', { symbol })}</p>
      <div class="alert-form__buttons">
        <button type="submit" class="button">
          {t('rows_save')}
        </button>
        {holding && (
          <button type="button" class="alert-form__cancel" onClick={() => !busy.current && settle(clearHolding(symbol))}>
            {t('rows_clear')}
          </button>
        )}
        <button type="button" class="alert-form__cancel" onClick={onClose}>
          {t('rows_cancel')}
        </button>
      </div>
    </form>
  );
}
