/**
 * When no header names the topic, the topic is often still there under a header nobody foresaw
 * ("Catatan Petugas", "Isi"): a column of short free text. The mapping ignores it; this proposes
 * it to the user rather than losing every topic to "Tidak diketahui".
 */
import type { Role } from '../../shared/api';
import { Cell, isBlank, isDate } from '../cells';
import { parseDateText } from '../dates';
import { words } from '../text';
import { isRunningNumberHeader } from './duplicates';

export interface TopicProposal {
  col: number;
  /** Share of its filled cells that read as free text (two words or more, letters first). */
  freeTextShare: number;
}

/** Rows looked at: enough to judge a column, cheap on a big log. */
const SAMPLE_ROWS = 500;
/** A column is free text when at least this share of its filled cells are phrases. */
const MIN_FREE_TEXT_SHARE = 0.5;
/** …and at least this share of the sampled rows are filled. */
const MIN_FILLED_SHARE = 0.3;

/** A phrase someone wrote: two words or more, mostly letters, not a date. */
function isPhrase(v: Cell): boolean {
  if (typeof v !== 'string' || isDate(v)) return false;
  const ws = words(v);
  if (ws.length < 2) return false;
  const letters = v.replace(/[^A-Za-z]/g, '').length;
  if (letters < 0.6 * v.replace(/\s/g, '').length) return false;
  return parseDateText(v, null) === null;
}

/**
 * The ignored column to propose as the topic, or null: only when no column is the topic, the
 * most phrase-like ignored column (running numbers, personal and derived columns are never
 * proposed), if at least half of its filled cells are phrases.
 */
export function proposeTopicColumn(header: readonly Cell[], roles: readonly Role[], rows: readonly (readonly Cell[])[]): TopicProposal | null {
  if (roles.includes('topic')) return null;
  const sample = rows.slice(0, SAMPLE_ROWS);
  let best: TopicProposal | null = null;
  for (let c = 0; c < roles.length; c++) {
    if (roles[c] !== 'ignore' || isRunningNumberHeader(header[c] ?? '')) continue;
    let filled = 0;
    let phrases = 0;
    for (const row of sample) {
      const v = row[c];
      if (v === undefined || isBlank(v)) continue;
      filled++;
      if (isPhrase(v)) phrases++;
    }
    if (filled === 0 || filled < MIN_FILLED_SHARE * sample.length) continue;
    const share = phrases / filled;
    if (share >= MIN_FREE_TEXT_SHARE && (!best || share > best.freeTextShare)) best = { col: c, freeTextShare: share };
  }
  return best;
}
