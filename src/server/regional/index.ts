/**
 * The regional flavour's entry (`npm run build -- --flavour regional`, into dist-regional/):
 * everything the branch add-on has, plus the nightly send to the regional BigQuery table and the
 * entries that set it up. Only this flavour's manifest asks for the BigQuery scope and enables
 * the advanced service, so a branch that sends nothing never grants them.
 */
import { nightlyRefresh as branchNightlyRefresh } from '../index';
import type { RegionalSettings } from '../../core/regional/settings';
import { RegionalOutcome, lastRegionalOutcome, readRegionalSettings, sendRegional, writeRegionalSettings } from './send';

export * from '../index';

/** Where the branch's trigger handler finds its document (src/server/index.ts keeps the same key). */
const TRIGGER_DOC_PREFIX = 'pola.trigger.';

function documentOf(e?: { triggerUid?: string }): GoogleAppsScript.Spreadsheet.Spreadsheet | null {
  const active = SpreadsheetApp.getActive();
  if (active) return active;
  const id = e && e.triggerUid ? PropertiesService.getUserProperties().getProperty(TRIGGER_DOC_PREFIX + e.triggerUid) : null;
  return id ? SpreadsheetApp.openById(id) : null;
}

/**
 * The clock trigger's handler, same name as the branch's: the branch's nightly run, then, when
 * it went through and the document opted in, the send of the new valid visits. A failed send is
 * recorded (regionalStatus) and retried by the next night; it never fails the branch's run.
 * @param {Object} e The time-driven event ({triggerUid, …}).
 */
export function nightlyRefresh(e?: { triggerUid?: string }): void {
  branchNightlyRefresh(e);
  const ss = documentOf(e);
  if (ss) sendRegional(ss);
}

/** Sets the document's regional settings (whoever sets the flavour up, from the script editor or a menu). */
export function setRegionalSettings(settings: Partial<RegionalSettings>): RegionalSettings {
  const ss = SpreadsheetApp.getActive();
  if (!ss) throw new Error('No active spreadsheet');
  return writeRegionalSettings(ss.getId(), settings);
}

/** The document's regional settings and the last send's outcome. */
export function regionalStatus(): { settings: RegionalSettings; last: RegionalOutcome | null } {
  const ss = SpreadsheetApp.getActive();
  if (!ss) throw new Error('No active spreadsheet');
  return { settings: readRegionalSettings(ss.getId()), last: lastRegionalOutcome(ss.getId()) };
}

/** Sends now what the nightly run would send (after a fix, or to fill the table the first time). */
export function sendRegionalNow(): RegionalOutcome | null {
  const ss = SpreadsheetApp.getActive();
  if (!ss) throw new Error('No active spreadsheet');
  return sendRegional(ss);
}
