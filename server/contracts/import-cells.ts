import { parseDate } from '../domain/dates';
import { z } from 'zod';
import { showValue } from './common';

/**
 * Zod schemas for single cells of the official files and templates. Each takes the raw cell text
 * (already trimmed) and says what was expected when it fails.
 */

/** Free text; blank becomes null. */
export const textCell = z.string().transform((s) => (s.trim() === '' ? null : s.trim()));

export const requiredTextCell = z.string().trim().min(1, { message: 'Expected a value, found an empty cell' });

const numberText = (s: string) => s.normalize('NFKC').trim();

/**
 * A coordinate in degrees. Blank and `0.000…` mean "not entered" in the 介護 open data and become
 * null; text that is not a number is an error. A number out of range (経度 −218) is kept: the
 * source promises no range, so the row is imported and its position flagged outside Japan
 * (kaigo-open-data.ts checkCoordinates, reconcile.ts).
 */
export const degreesCell = z.string().transform((raw, ctx) => {
  const s = numberText(raw);
  if (s === '') return null;
  if (!/^[-+]?\d+(\.\d+)?$/.test(s)) {
    ctx.addIssue({ code: 'custom', message: `Expected a number in degrees, found ${showValue(raw)}` });
    return z.NEVER;
  }
  const n = Number(s);
  return n === 0 ? null : n;
});
export const latitudeCell = degreesCell;
export const longitudeCell = degreesCell;

/** 定員: blank or 0 is "not entered" → null (unknown), never 0. */
export const capacityCell = z.string().transform((raw, ctx) => {
  const s = numberText(raw);
  if (s === '') return null;
  if (!/^\d+$/.test(s)) {
    ctx.addIssue({ code: 'custom', message: `Expected a whole number of places (定員), found ${showValue(raw)}` });
    return z.NEVER;
  }
  const n = Number(s);
  return n === 0 ? null : n;
});

/** Digits written full- or half-width, as text (keeps leading zeros). */
export function digitsCell(length: number, what: string) {
  return z.string().transform((raw, ctx) => {
    const s = numberText(raw);
    if (!new RegExp(`^\\d{${length}}$`).test(s)) {
      ctx.addIssue({ code: 'custom', message: `Expected a ${length}-digit ${what}, found ${showValue(raw)}` });
      return z.NEVER;
    }
    return s;
  });
}

const YES = ['○', '〇', '◯', '1', 'はい', 'true', 'yes', 'y', '有', 'あり'];
const NO = ['', '×', '0', 'いいえ', 'false', 'no', 'n', '無', 'なし', '-', '－'];

/** A yes/no cell of the templates: ○ / 1 / はい are yes; blank / × / 0 / いいえ are no. */
export const flagCell = z.string().transform((raw, ctx) => {
  const s = raw.normalize('NFKC').trim().toLowerCase();
  if (YES.includes(s)) return true;
  if (NO.includes(s)) return false;
  ctx.addIssue({ code: 'custom', message: `Expected ○ or blank (also 1/0, はい/いいえ), found ${showValue(raw)}` });
  return z.NEVER;
});

/** A date written YYYY-MM-DD (or YYYY/MM/DD, 年月日, an era date: domain/dates.ts parseDate); blank → null. */
export const dateCell = z.string().transform((raw, ctx) => {
  if (raw.trim() === '') return null;
  const iso = parseDate(raw);
  if (iso === null) {
    ctx.addIssue({ code: 'custom', message: `Expected a date YYYY-MM-DD, found ${showValue(raw)}` });
    return z.NEVER;
  }
  return iso;
});
