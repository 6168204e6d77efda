/**
 * The emulator's services are checked against @types/google-apps-script at typecheck time
 * (tools/emulator/conformance.ts). This suite proves the check has teeth: it compiles small
 * classes with a wrong shape and expects the compiler to name the wrong methods.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ts from 'typescript';

const ROOT = path.resolve(__dirname, '../..');

function diagnosticsFor(source: string): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'emu-conformance-'));
  const file = path.join(dir, 'probe.ts');
  const conformance = path.join(ROOT, 'tools/emulator/conformance').replace(/\\/g, '/');
  fs.writeFileSync(file, `import type { Conforms, Mismatches } from '${conformance}';\n${source}\n`);
  const program = ts.createProgram([file], {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2020,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    types: ['google-apps-script'],
    typeRoots: [path.join(ROOT, 'node_modules/@types')],
  });
  const sf = program.getSourceFile(file)!;
  return ts.getPreEmitDiagnostics(program, sf).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('conformance to @types/google-apps-script', () => {
  test('a method with the wrong return or parameter shape is named by the compiler; a right one passes', () => {
    const messages = diagnosticsFor(`
      class WrongReturn {
        getNumRows(): string { return '1'; }
        getA1Notation(): string { return 'A1'; }
      }
      class WrongParameter {
        getCell(row: string, column: number): WrongParameter { void row; void column; return this; }
      }
      class Right {
        getNumRows(): number { return 1; }
        getCell(row: number, column: number): Right { void row; void column; return this; }
        _internal(x: Date): Date { return x; }
      }
      export const a: Conforms<Mismatches<WrongReturn, GoogleAppsScript.Spreadsheet.Range>> = true;
      export const b: Conforms<Mismatches<WrongParameter, GoogleAppsScript.Spreadsheet.Range>> = true;
      export const c: Conforms<Mismatches<Right, GoogleAppsScript.Spreadsheet.Range>> = true;
    `);
    expect(messages).toHaveLength(2);
    expect(messages[0]).toMatch(/"getNumRows"/);
    expect(messages[1]).toMatch(/"getCell"/);
  });

  test('a missing overload is caught: Sheet.getRange must accept an A1 string', () => {
    const messages = diagnosticsFor(`
      class NumbersOnlySheet {
        getRange(row: number, column: number): unknown { void row; void column; return null; }
      }
      export const c: Conforms<Mismatches<NumbersOnlySheet, GoogleAppsScript.Spreadsheet.Sheet>> = true;
    `);
    expect(messages.join('\n')).toMatch(/getRange/);
  });
});
