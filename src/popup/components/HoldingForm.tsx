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
import { checkDraft, draftOf, type DraftProblems, type HoldingDraft } from '../../shared/holdings/validate';

interface HoldingFormProps {
  id: string;
  symbol: string;
  /** The holding stored now, if any: the boxes start with it, and Clear is offered. */
  holding: Holding | undefined;
  /** Closes the form (after Save, Clear, Cancel or Escape). */
  onClose: () => void;
}

export function HoldingForm({ id, symbol, holding, onClose }: HoldingFormProps) {
  const [draft, setDraft] = useState<HoldingDraft>(() => draftOf(holding));
  const [invalid, setInvalid] = useState<DraftProblems>({});
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
        (cause: unknown) => setProblem(`The holding could not be saved: ${String(cause)}`),
      )
      .finally(() => {
        busy.current = false;
      });
  };

  const onSubmit = (event: Event): void => {
    event.preventDefault();
    if (busy.current) return;
    const checked = checkDraft(draft);
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

  const field = (name: keyof HoldingDraft, label: string, inputMode: 'numeric' | 'decimal') => {
    const why = invalid[name];
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
        Holdings for {symbol}
      </h3>
      <div class="alert-form__fields holding-form__fields">
        {field('quantity', 'Quantity (shares)', 'numeric')}
        {field('averagePrice', 'Average price (PKR)', 'decimal')}
      </div>
      {(['quantity', 'averagePrice'] as const).map(
        (name) =>
          invalid[name] && (
            <p key={name} class="alert-form__problem" id={`${id}-${name}-invalid`} role="alert">
              {invalid[name]}
            </p>
          ),
      )}
      {problem !== null && (
        <p class="alert-form__problem" role="alert">
          {problem}
        </p>
      )}
      <p class="alert-form__note">Kept on this device only. Removing {symbol} from the watchlist keeps its holding.</p>
      <div class="alert-form__buttons">
        <button type="submit" class="button">
          Save
        </button>
        {holding && (
          <button type="button" class="alert-form__cancel" onClick={() => !busy.current && settle(clearHolding(symbol))}>
            Clear
          </button>
        )}
        <button type="button" class="alert-form__cancel" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}
