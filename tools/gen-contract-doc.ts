/**
 * Prints the data-contract table from src/core/contract.ts, so docs/data-contract.md can be
 * checked against the code (test/addon/summary-tabs.test.ts does).
 */
import { SUMMARY_TABS, INSIGHT_REPORT_TABS, REPORT_TABS, FORMAT_OF_TYPE } from '../src/core/contract';

export function contractTable(): string {
  const lines = ['| tab | column | type | Sheets format | since version |', '|---|---|---|---|---|'];
  for (const tab of [...SUMMARY_TABS, ...INSIGHT_REPORT_TABS, ...REPORT_TABS]) {
    tab.columns.forEach((c, i) => lines.push(`| ${i === 0 ? '`' + tab.name + '`' : ''} | \`${c.header}\` | ${c.type} | \`${FORMAT_OF_TYPE[c.type]}\` | ${c.since ?? 1} |`));
  }
  return lines.join('\n');
}

if (require.main === module) console.log(contractTable());
