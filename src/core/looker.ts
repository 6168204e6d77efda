/**
 * Looker Studio Linking API URL that creates a report with one Google Sheets data source per
 * summary tab, bound by spreadsheet id and worksheet id (the tab's gid).
 * https://developers.google.com/looker-studio/integrate/linking-api
 */
export interface LookerTab {
  name: string;
  sheetId: number;
}

export const LOOKER_CREATE_URL = 'https://lookerstudio.google.com/reporting/create';

/** Aliases must be short identifiers: ds_harian → harian. */
export function aliasOf(tabName: string): string {
  return tabName.replace(/^ds_/, '').replace(/[^A-Za-z0-9]/g, '');
}

export function lookerStudioUrl(spreadsheetId: string, tabs: readonly LookerTab[], reportName = 'Pola Layanan'): string {
  const params: [string, string][] = [['r.reportName', reportName]];
  for (const tab of tabs) {
    const p = `ds.${aliasOf(tab.name)}.`;
    params.push([p + 'connector', 'googleSheets']);
    params.push([p + 'datasourceName', tab.name]);
    params.push([p + 'spreadsheetId', spreadsheetId]);
    params.push([p + 'worksheetId', String(tab.sheetId)]);
    params.push([p + 'hasHeader', 'true']);
  }
  return LOOKER_CREATE_URL + '?' + params.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
}
