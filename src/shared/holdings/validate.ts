/**
 * Reading a holding from text: what the user types in the popup's form, and what a CSV line
 * holds. Numbers go through the one strict parser the alert forms use (plain decimals,
 * thousands separators allowed: "1,000", "98.5"), so "1e3" or "0x10" is never read as a
 * quantity. Every refusal has words: an order for the form, a reason for an import's preview.
 */
import { err, ok, type Result } from '../result';
import { parseDecimal } from '../../ui/parse-number';
import { averageProblem, MAX_AVERAGE_PRICE, MAX_QUANTITY, quantityProblem, type FieldProblem, type Holding } from './model';

/** The two boxes of the form (or the two cells of a CSV line), as typed. */
export interface HoldingDraft {
  quantity: string;
  averagePrice: string;
}

export type HoldingField = keyof HoldingDraft;

/** Per field, what the form says under the box. */
export type DraftProblems = Partial<Record<HoldingField, string>>;

const grouped = new Intl.NumberFormat('en-US');

/** What the form says: what to type instead. */
export const FORM_MESSAGES: Readonly<Record<HoldingField, Readonly<Record<FieldProblem, string>>>> = {
  quantity: {
    'missing': 'Enter how many shares you hold.',
    'not-number': 'Enter the number of shares in digits, such as 500 or 1,000.',
    'fraction': 'Enter whole shares: PSX trades no fractions of a share.',
    'too-small': 'Enter at least 1 share.',
    'too-large': `Enter at most ${grouped.format(MAX_QUANTITY)} shares.`,
    'too-precise': 'Enter whole shares: PSX trades no fractions of a share.',
  },
  averagePrice: {
    'missing': 'Enter the average price you paid per share, in PKR.',
    'not-number': 'Enter the average price in digits, such as 98.50.',
    'fraction': 'Enter the average price in digits, such as 98.50.',
    'too-small': 'Enter an average price above 0.',
    'too-large': `Enter an average price of at most ${grouped.format(MAX_AVERAGE_PRICE)} PKR.`,
    'too-precise': 'Enter the average price with at most 4 decimals.',
  },
};

/** What an import's preview says of a line it skips. */
export const IMPORT_REASONS: Readonly<Record<HoldingField, Readonly<Record<FieldProblem, string>>>> = {
  quantity: {
    'missing': 'no quantity',
    'not-number': 'the quantity is not a number',
    'fraction': 'the quantity is not a whole number of shares',
    'too-small': 'the quantity is not above 0',
    'too-large': `the quantity is above ${grouped.format(MAX_QUANTITY)}`,
    'too-precise': 'the quantity is not a whole number of shares',
  },
  averagePrice: {
    'missing': 'no average price',
    'not-number': 'the average price is not a number',
    'fraction': 'the average price is not a number',
    'too-small': 'the average price is not above 0',
    'too-large': `the average price is above ${grouped.format(MAX_AVERAGE_PRICE)} PKR`,
    'too-precise': 'the average price has more than 4 decimals',
  },
};

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
    if (problem) out[field] = FORM_MESSAGES[field][problem];
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
    if (problem) reasons.push(IMPORT_REASONS[field][problem]);
  }
  return err(reasons.join(' and '));
}

/** A stored holding as the form's boxes show it: no grouping, so it reads back the same. */
export function draftOf(holding: Holding | undefined): HoldingDraft {
  return holding ? { quantity: String(holding.quantity), averagePrice: String(holding.averagePrice) } : { quantity: '', averagePrice: '' };
}
