/**
 * Reading a holding from text: what the user types in the popup's form, and what a CSV line
 * holds. Numbers go through the one strict parser the alert forms use (plain decimals,
 * thousands separators allowed: "1,000", "98.5"), so "1e3" or "0x10" is never read as a
 * quantity. Every refusal has words, in the display language: an order for the form, a reason
 * for an import's preview.
 */
import { err, ok, type Result } from '../result';
import { parseDecimal } from '../../ui/parse-number';
import { numberFormat } from '../i18n/display';
import { liveRecord, sentences } from '../i18n/sentences';
import { AVERAGE_DECIMALS, averageProblem, MAX_AVERAGE_PRICE, MAX_QUANTITY, quantityProblem, type FieldProblem, type Holding } from './model';

/** The two boxes of the form (or the two cells of a CSV line), as typed. */
export interface HoldingDraft {
  quantity: string;
  averagePrice: string;
}

export type HoldingField = keyof HoldingDraft;

/** Per field, what the form says under the box. */
export type DraftProblems = Partial<Record<HoldingField, string>>;

const FIELDS: readonly HoldingField[] = ['quantity', 'averagePrice'];
const PROBLEMS: readonly FieldProblem[] = ['missing', 'not-number', 'fraction', 'too-small', 'too-large', 'too-precise'];
const EXAMPLE_PRICE: Intl.NumberFormatOptions = { minimumFractionDigits: 2, maximumFractionDigits: 2 };

/** What the form says under a box: what to type instead, in the display language. */
export function formMessage(field: HoldingField, problem: FieldProblem): string {
  const text = sentences();
  if (field === 'quantity') {
    switch (problem) {
      case 'missing':
        return text.t('holding_form_quantity_missing');
      case 'not-number':
        return text.t('holding_form_quantity_not_number', { small: 500, large: 1000 });
      case 'fraction':
      case 'too-precise':
        return text.t('holding_form_quantity_whole');
      case 'too-small':
        return text.t('holding_form_quantity_too_small', { min: 1 });
      case 'too-large':
        return text.t('holding_form_quantity_too_large', { max: MAX_QUANTITY });
    }
  }
  switch (problem) {
    case 'missing':
      return text.t('holding_form_average_missing');
    case 'not-number':
    case 'fraction':
      return text.t('holding_form_average_not_number', { example: numberFormat(EXAMPLE_PRICE).format(98.5) });
    case 'too-small':
      return text.t('holding_form_average_too_small', { min: 0 });
    case 'too-large':
      return text.t('holding_form_average_too_large', { max: MAX_AVERAGE_PRICE });
    case 'too-precise':
      return text.t('holding_form_average_too_precise', { decimals: AVERAGE_DECIMALS });
  }
}

/** What an import's preview says of a line it skips ("the quantity is not a number"). */
export function importReason(field: HoldingField, problem: FieldProblem): string {
  const text = sentences();
  if (field === 'quantity') {
    switch (problem) {
      case 'missing':
        return text.t('holding_reason_quantity_missing');
      case 'not-number':
        return text.t('holding_reason_quantity_not_number');
      case 'fraction':
      case 'too-precise':
        return text.t('holding_reason_quantity_whole');
      case 'too-small':
        return text.t('holding_reason_quantity_too_small', { min: 0 });
      case 'too-large':
        return text.t('holding_reason_quantity_too_large', { max: MAX_QUANTITY });
    }
  }
  switch (problem) {
    case 'missing':
      return text.t('holding_reason_average_missing');
    case 'not-number':
    case 'fraction':
      return text.t('holding_reason_average_not_number');
    case 'too-small':
      return text.t('holding_reason_average_too_small', { min: 0 });
    case 'too-large':
      return text.t('holding_reason_average_too_large', { max: MAX_AVERAGE_PRICE });
    case 'too-precise':
      return text.t('holding_reason_average_too_precise', { decimals: AVERAGE_DECIMALS });
  }
}

const byField = (sentence: (field: HoldingField, problem: FieldProblem) => string): Readonly<Record<HoldingField, Readonly<Record<FieldProblem, string>>>> =>
  liveRecord(FIELDS, (field) => liveRecord(PROBLEMS, (problem) => sentence(field, problem)));

/** What the form says: what to type instead (as formMessage, read in the display language at each use). */
export const FORM_MESSAGES = /* @__PURE__ */ byField(formMessage);

/** What an import's preview says of a line it skips (as importReason). */
export const IMPORT_REASONS = /* @__PURE__ */ byField(importReason);

/** One or two reasons in one phrase: "no quantity and no average price". */
export function joinReasons(reasons: readonly string[]): string {
  const [first = '', second] = reasons;
  return second === undefined ? first : sentences().t('holding_reasons_and', { first, second });
}

function readField(field: HoldingField, text: string): { value: number } | { problem: FieldProblem } {
  if (text.trim() === '') return { problem: 'missing' };
  const value = parseDecimal(text);
  const problem = field === 'quantity' ? quantityProblem(value) : averageProblem(value);
  return problem === null ? { value } : { problem };
}

/** Every field's problem (none for a valid draft), as codes. */
export function draftProblems(draft: HoldingDraft): Result<Holding, Partial<Record<HoldingField, FieldProblem>>> {
  const quantity = readField('quantity', draft.quantity);
  const averagePrice = readField('averagePrice', draft.averagePrice);
  if ('value' in quantity && 'value' in averagePrice) return ok({ quantity: quantity.value, averagePrice: averagePrice.value });
  return err({
    ...('problem' in quantity ? { quantity: quantity.problem } : {}),
    ...('problem' in averagePrice ? { averagePrice: averagePrice.problem } : {}),
  });
}

/** The form's check: the holding, or what to say under each box that is not right. */
export function checkDraft(draft: HoldingDraft): Result<Holding, DraftProblems> {
  const checked = draftProblems(draft);
  if (checked.ok) return checked;
  const out: DraftProblems = {};
  for (const field of ['quantity', 'averagePrice'] as const) {
    const problem = checked.error[field];
    if (problem) out[field] = formMessage(field, problem);
  }
  return err(out);
}

/** An import's check: the holding, or the reasons in one phrase ("the quantity is not a number"). */
export function checkImported(draft: HoldingDraft): Result<Holding, string> {
  const checked = draftProblems(draft);
  if (checked.ok) return checked;
  const reasons: string[] = [];
  for (const field of ['quantity', 'averagePrice'] as const) {
    const problem = checked.error[field];
    if (problem) reasons.push(importReason(field, problem));
  }
  return err(joinReasons(reasons));
}

/** A stored holding as the form's boxes show it: no grouping, so it reads back the same. */
export function draftOf(holding: Holding | undefined): HoldingDraft {
  return holding ? { quantity: String(holding.quantity), averagePrice: String(holding.averagePrice) } : { quantity: '', averagePrice: '' };
}
