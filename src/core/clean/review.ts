/**
 * The status verb at sheet level: whether a sheet's outcome needs a person to look (too many rows
 * left out, or text dates whose day order nothing decides), and why, in the sheet's language.
 */
import type { Lang, SheetCheck, StatusCounts } from '../../shared/api';
import type { DateOrderResult } from '../dates';
import { t } from '../i18n';

/** A row listed in `masalah_data`. `row` is the 1-based sheet row. */
export interface Problem {
  row: number;
  kolom: string;
  nilaiAsli: string;
  masalah: string;
  tindakan: string;
}

/** A sheet's outcome as staff should read it: BERHASIL, or PERLU_PERIKSA with the main reason and the fix. */
export interface SheetReview {
  status: 'BERHASIL' | 'PERLU_PERIKSA';
  /** Translated one-sentence reason ('' when BERHASIL). */
  reason: string;
  /** Translated next step ('' when BERHASIL). */
  fix: string;
}

/** More invalid rows than this share of a sheet makes its outcome PERLU_PERIKSA. */
export const REVIEW_INVALID_SHARE = 0.1;

/** What the sheet check reads of a clean plan. */
export interface CheckedPlan {
  dateOrder: DateOrderResult | null;
  datesFilled: number;
  review: SheetReview;
}

/** The sheet's check for the result card, info_ringkasan and report.json. */
export function sheetCheck(plan: CheckedPlan, lang: Lang): SheetCheck {
  const order = plan.dateOrder;
  const ambiguous = order !== null && order.order === 'ambiguous';
  const base = { dateOrder: order ? order.order : '', dateOrderReason: order ? order.reason : '', datesFilled: plan.datesFilled };
  if (plan.review.status === 'PERLU_PERIKSA') {
    return { status: 'PERLU_PERIKSA', reason: plan.review.reason + (ambiguous ? ' ' + t(lang, 'review.ambiguousOrder') + '.' : ''), fix: plan.review.fix, ...base };
  }
  if (ambiguous) return { status: 'PERLU_PERIKSA', reason: t(lang, 'review.ambiguousOrder') + '.', fix: t(lang, 'review.fixOrder'), ...base };
  return { status: 'BERHASIL', reason: '', fix: '', ...base };
}

/** Why a run's outcome needs checking ('' when it does not): the sheets marked PERLU_PERIKSA. */
export function runReview(plans: readonly { sheetName: string; plan: { check: SheetCheck } }[]): string {
  return plans
    .filter(({ plan }) => plan.check.status === 'PERLU_PERIKSA')
    .map(({ sheetName, plan }) => `${sheetName}: ${plan.check.reason}`)
    .join(' | ');
}

/**
 * BERHASIL, or PERLU_PERIKSA when more than REVIEW_INVALID_SHARE of the rows were left out: the
 * reason that accounts for most of them, and what to try. A run that drops many rows says so.
 */
export function reviewOf(rowsRead: number, counts: StatusCounts, problems: readonly Problem[], lang: Lang): SheetReview {
  const leftOut = counts.TIDAK_VALID + counts.DUPLIKAT;
  if (rowsRead === 0 || leftOut / rowsRead <= REVIEW_INVALID_SHARE) return { status: 'BERHASIL', reason: '', fix: '' };
  const byReason = new Map<string, number>();
  for (const p of problems) if (p.tindakan === t(lang, 'tindakan.excluded')) byReason.set(p.masalah, (byReason.get(p.masalah) ?? 0) + 1);
  if (counts.DUPLIKAT > 0) byReason.set(t(lang, 'review.duplicates'), counts.DUPLIKAT);
  let main = '';
  let most = 0;
  for (const [reason, n] of byReason) if (n > most) [main, most] = [reason, n];
  const percent = Math.round((100 * leftOut) / rowsRead);
  const fix =
    main === t(lang, 'masalah.noDate') ? t(lang, 'review.fixNoDate') : main === t(lang, 'masalah.badDate') ? t(lang, 'review.fixBadDate') : main === t(lang, 'review.duplicates') ? t(lang, 'review.fixDuplicates') : t(lang, 'review.fixOther');
  return { status: 'PERLU_PERIKSA', reason: t(lang, 'review.reason', { percent, n: leftOut, rows: rowsRead, main: main || '-', most }), fix };
}
