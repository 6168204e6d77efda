/**
 * The formula results the emulator can compute honestly, and nothing more: literals (numbers,
 * "strings", TRUE/FALSE, error literals), arithmetic (+ - * / ^, unary minus, percent is not
 * supported), & concatenation, comparisons, parentheses, NA(), and references to one cell
 * (A1, $A$1, Sheet1!A1, 'Sheet name'!A1). Errors follow Sheets: x/0 is #DIV/0!, text in arithmetic
 * is #VALUE!, a reference off the sheet or to a missing sheet is #REF!, a circular reference is
 * #REF!, a non-finite result is #NUM!, the first error operand wins.
 *
 * Anything else (other functions, ranges like A1:B2, named ranges) evaluates to #NAME?, the error
 * Sheets gives for a name it does not know: the emulator does not know it. Tests that need such a
 * formula's value set it with Emulator.setFormulaResult(formula, value) or per cell with
 * EmuSheet.__setCell(row, col, { formula, value }).
 */
import { isDate } from './runtime';

export type Computed = string | number | boolean | Date;

export const FORMULA_ERRORS = ['#N/A', '#REF!', '#VALUE!', '#DIV/0!', '#ERROR!', '#NAME?', '#NUM!', '#NULL!'] as const;
export type FormulaError = (typeof FORMULA_ERRORS)[number];

export function isFormulaError(v: unknown): v is FormulaError {
  return typeof v === 'string' && (FORMULA_ERRORS as readonly string[]).includes(v);
}

/** What evaluation needs from the workbook. Values are computed values ("" for an empty cell). */
export interface FormulaEnv {
  /** A cell's computed value, or '#REF!' when it is off the sheet or the sheet is missing. */
  cell(sheetName: string | undefined, row: number, col: number): Computed;
  /** Date -> serial number in the spreadsheet's zone, for arithmetic on dates. */
  serial(d: Date): number;
}

class Unsupported extends Error {}

type Token =
  | { t: 'num'; v: number }
  | { t: 'str'; v: string }
  | { t: 'err'; v: FormulaError }
  | { t: 'ref'; sheet?: string; row: number; col: number }
  | { t: 'name'; v: string }
  | { t: 'op'; v: string };

const REF = /^(?:(?:'((?:[^']|'')+)'|([A-Za-z_][\w.]*))!)?\$?([A-Za-z]{1,3})\$?(\d+)(?![\w(:!])/;

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const rest = src.slice(i);
    const ch = src[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const num = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(rest);
    if (num) {
      out.push({ t: 'num', v: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      let s = '';
      for (;;) {
        if (j >= src.length) throw new Unsupported('unterminated string');
        if (src[j] === '"') {
          if (src[j + 1] === '"') {
            s += '"';
            j += 2;
            continue;
          }
          break;
        }
        s += src[j++];
      }
      out.push({ t: 'str', v: s });
      i = j + 1;
      continue;
    }
    const err = FORMULA_ERRORS.find((e) => rest.toUpperCase().startsWith(e));
    if (err) {
      out.push({ t: 'err', v: err });
      i += err.length;
      continue;
    }
    const ref = REF.exec(rest);
    if (ref) {
      const sheet = ref[1] !== undefined ? ref[1].replace(/''/g, "'") : ref[2];
      out.push({ t: 'ref', sheet, row: Number(ref[4]), col: columnNumber(ref[3]) });
      i += ref[0].length;
      continue;
    }
    const name = /^[A-Za-z_][\w.]*/.exec(rest);
    if (name) {
      out.push({ t: 'name', v: name[0].toUpperCase() });
      i += name[0].length;
      continue;
    }
    const op = /^(?:<>|<=|>=|[-+*/^&=<>(),])/.exec(rest);
    if (op) {
      out.push({ t: 'op', v: op[0] });
      i += op[0].length;
      continue;
    }
    throw new Unsupported(`character ${ch}`);
  }
  return out;
}

/** Precedence climbing over the tokens; values carry Sheets semantics. */
class Parser {
  private i = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly env: FormulaEnv,
  ) {}

  parse(): Computed {
    const v = this.comparison();
    if (this.i < this.tokens.length) throw new Unsupported('trailing tokens');
    return v;
  }

  private peekOp(...ops: string[]): string | undefined {
    const tk = this.tokens[this.i];
    return tk && tk.t === 'op' && ops.includes(tk.v) ? tk.v : undefined;
  }

  private comparison(): Computed {
    let left = this.concat();
    for (let op = this.peekOp('=', '<>', '<', '>', '<=', '>='); op; op = this.peekOp('=', '<>', '<', '>', '<=', '>=')) {
      this.i++;
      const right = this.concat();
      left = compare(op, left, right);
    }
    return left;
  }

  private concat(): Computed {
    let left = this.additive();
    while (this.peekOp('&')) {
      this.i++;
      const right = this.additive();
      left = isFormulaError(left) ? left : isFormulaError(right) ? right : text(left) + text(right);
    }
    return left;
  }

  private additive(): Computed {
    let left = this.multiplicative();
    for (let op = this.peekOp('+', '-'); op; op = this.peekOp('+', '-')) {
      this.i++;
      const right = this.multiplicative();
      left = arithmetic(op, left, right, this.env);
    }
    return left;
  }

  private multiplicative(): Computed {
    let left = this.power();
    for (let op = this.peekOp('*', '/'); op; op = this.peekOp('*', '/')) {
      this.i++;
      const right = this.power();
      left = arithmetic(op, left, right, this.env);
    }
    return left;
  }

  private power(): Computed {
    let left = this.unary();
    while (this.peekOp('^')) {
      this.i++;
      const right = this.unary();
      left = arithmetic('^', left, right, this.env);
    }
    return left;
  }

  private unary(): Computed {
    const op = this.peekOp('-', '+');
    if (op) {
      this.i++;
      const v = this.unary();
      return op === '-' ? arithmetic('-', 0, v, this.env) : arithmetic('+', 0, v, this.env);
    }
    return this.primary();
  }

  private primary(): Computed {
    const tk = this.tokens[this.i++];
    if (!tk) throw new Unsupported('unexpected end');
    switch (tk.t) {
      case 'num':
      case 'str':
      case 'err':
        return tk.v;
      case 'ref':
        return this.env.cell(tk.sheet, tk.row, tk.col);
      case 'name':
        return this.name(tk.v);
      case 'op':
        if (tk.v === '(') {
          const v = this.comparison();
          if (!this.peekOp(')')) throw new Unsupported('missing )');
          this.i++;
          return v;
        }
        throw new Unsupported(`operator ${tk.v}`);
    }
  }

  private name(n: string): Computed {
    if (n === 'TRUE' || n === 'FALSE') {
      if (this.peekOp('(')) {
        this.i++;
        if (!this.peekOp(')')) throw new Unsupported('TRUE/FALSE take no arguments');
        this.i++;
      }
      return n === 'TRUE';
    }
    if (n === 'NA' && this.peekOp('(')) {
      this.i++;
      if (!this.peekOp(')')) throw new Unsupported('NA takes no arguments');
      this.i++;
      return '#N/A';
    }
    throw new Unsupported(`name ${n}`);
  }
}

function text(v: Computed): string {
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return isDate(v) ? v.toISOString() : String(v);
}

function toNumber(v: Computed, env: FormulaEnv): number | FormulaError {
  if (isFormulaError(v)) return v;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (isDate(v)) return env.serial(v);
  if (v === '') return 0;
  const trimmed = v.trim();
  return trimmed !== '' && Number.isFinite(Number(trimmed)) ? Number(trimmed) : '#VALUE!';
}

function arithmetic(op: string, a: Computed, b: Computed, env: FormulaEnv): Computed {
  const x = toNumber(a, env);
  if (typeof x === 'string') return x;
  const y = toNumber(b, env);
  if (typeof y === 'string') return y;
  let r: number;
  switch (op) {
    case '+':
      r = x + y;
      break;
    case '-':
      r = x - y;
      break;
    case '*':
      r = x * y;
      break;
    case '/':
      if (y === 0) return '#DIV/0!';
      r = x / y;
      break;
    default:
      if (x === 0 && y < 0) return '#DIV/0!';
      r = Math.pow(x, y);
  }
  return Number.isFinite(r) ? r + 0 : '#NUM!';
}

function compare(op: string, a: Computed, b: Computed): Computed {
  if (isFormulaError(a)) return a;
  if (isFormulaError(b)) return b;
  const key = (v: Computed): [number, number | string] =>
    typeof v === 'number' ? [0, v] : isDate(v) ? [0, v.getTime()] : typeof v === 'boolean' ? [2, v ? 1 : 0] : v === '' ? [0, 0] : [1, v.toLowerCase()];
  const [ka, va] = key(a);
  const [kb, vb] = key(b);
  const c = ka !== kb ? ka - kb : va < vb ? -1 : va > vb ? 1 : 0;
  switch (op) {
    case '=':
      return c === 0;
    case '<>':
      return c !== 0;
    case '<':
      return c < 0;
    case '>':
      return c > 0;
    case '<=':
      return c <= 0;
    default:
      return c >= 0;
  }
}

/** The computed value of `formula` (with its leading "="); #NAME? for anything outside the subset. */
export function evaluateFormula(formula: string, env: FormulaEnv): Computed {
  const body = formula.startsWith('=') ? formula.slice(1) : formula;
  try {
    return new Parser(tokenize(body), env).parse();
  } catch (e) {
    if (e instanceof Unsupported) return '#NAME?';
    throw e;
  }
}
