/**
 * The regional opt-in: whether this document sends its valid visits to the regional BigQuery
 * table, where, and under which branch code. Off by default; only the regional build flavour
 * has the entry points that turn it on.
 */
export interface RegionalSettings {
  enabled: boolean;
  /** Google Cloud project that holds the dataset (and pays for the jobs). */
  projectId: string;
  dataset: string;
  table: string;
  /** The branch's code: the `cabang` of every row it sends. */
  branchCode: string;
}

export const DEFAULT_REGIONAL_SETTINGS: RegionalSettings = { enabled: false, projectId: '', dataset: 'pola_regional', table: 'kunjungan', branchCode: '' };

export class RegionalSettingsError extends Error {
  constructor(readonly field: keyof RegionalSettings) {
    super('regional.' + field);
  }
}

// BigQuery's naming rules (project ids: 6-30 lowercase letters, digits, hyphens; datasets and
// tables: letters, digits, underscores); a branch code goes into a staging table's name too.
const PROJECT = /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/;
const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;
const BRANCH = /^[A-Za-z0-9_]{1,32}$/;

/** Checks settings sent by whoever sets the regional flavour up; throws naming the bad field. */
export function validateRegionalSettings(input: Partial<RegionalSettings>, base: RegionalSettings = DEFAULT_REGIONAL_SETTINGS): RegionalSettings {
  const out: RegionalSettings = { ...base, ...input };
  if (typeof out.enabled !== 'boolean') throw new RegionalSettingsError('enabled');
  if (!out.enabled) return out;
  if (!PROJECT.test(out.projectId)) throw new RegionalSettingsError('projectId');
  if (!NAME.test(out.dataset)) throw new RegionalSettingsError('dataset');
  if (!NAME.test(out.table)) throw new RegionalSettingsError('table');
  if (!BRANCH.test(out.branchCode)) throw new RegionalSettingsError('branchCode');
  return { enabled: out.enabled, projectId: out.projectId, dataset: out.dataset, table: out.table, branchCode: out.branchCode };
}
