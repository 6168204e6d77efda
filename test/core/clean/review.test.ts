import { REVIEW_INVALID_SHARE, reviewOf, runReview, sheetCheck } from '../../../src/core/clean/review';
import { t } from '../../../src/core/i18n';

const counts = (ok: number, invalid: number, dup = 0) => ({ OK: ok, DIPERBAIKI: 0, DUPLIKAT: dup, TIDAK_VALID: invalid });
const excluded = (masalah: string) => ({ row: 2, kolom: 'Tanggal', nilaiAsli: 'x', masalah, tindakan: t('id', 'tindakan.excluded') });

describe('review: whether a sheet needs a person to look', () => {
  test('BERHASIL up to REVIEW_INVALID_SHARE left out, PERLU_PERIKSA above it with the main reason and its fix', () => {
    expect(reviewOf(100, counts(90, 10), [], 'id').status).toBe('BERHASIL');
    expect(REVIEW_INVALID_SHARE).toBe(0.1);
    const problems = Array.from({ length: 11 }, () => excluded(t('id', 'masalah.badDate')));
    const review = reviewOf(100, counts(89, 11), problems, 'id');
    expect(review.status).toBe('PERLU_PERIKSA');
    expect(review.reason).toContain('11%');
    expect(review.fix).toBe(t('id', 'review.fixBadDate'));
  });

  test('duplicates count as a reason of their own', () => {
    const review = reviewOf(10, counts(5, 0, 5), [], 'en');
    expect(review.fix).toBe(t('en', 'review.fixDuplicates'));
  });

  test('the check adds an undecided day order; runReview names the sheets to look at', () => {
    const ok = { status: 'BERHASIL' as const, reason: '', fix: '' };
    const ambiguous = sheetCheck({ dateOrder: { order: 'ambiguous', reason: 'r' } as never, datesFilled: 2, review: ok }, 'id');
    expect(ambiguous.status).toBe('PERLU_PERIKSA');
    expect(ambiguous.datesFilled).toBe(2);
    const fine = sheetCheck({ dateOrder: null, datesFilled: 0, review: ok }, 'id');
    expect(fine.status).toBe('BERHASIL');
    expect(runReview([{ sheetName: 'A', plan: { check: ambiguous } }, { sheetName: 'B', plan: { check: fine } }])).toBe(`A: ${ambiguous.reason}`);
  });
});
