/** Utilities, Session, Logger and console. */
import { createHash, randomUUID } from 'crypto';
import { formatDate } from './dates';
import { instrument, isDate, Runtime } from './runtime';
import { User } from './user';

export const DigestAlgorithm = {
  MD2: 'MD2',
  MD5: 'MD5',
  SHA_1: 'SHA_1',
  SHA_256: 'SHA_256',
  SHA_384: 'SHA_384',
  SHA_512: 'SHA_512',
} as const;
export const Charset = { US_ASCII: 'US_ASCII', UTF_8: 'UTF_8' } as const;

const NODE_DIGEST: Record<string, string> = {
  MD5: 'md5',
  SHA_1: 'sha1',
  SHA_256: 'sha256',
  SHA_384: 'sha384',
  SHA_512: 'sha512',
};

/** Apps Script byte arrays are Java bytes: signed, -128..127. */
function toSignedBytes(buf: Buffer, rt: Runtime): number[] {
  const out = rt.array<number>(buf.length);
  for (let i = 0; i < buf.length; i++) out[i] = buf[i] > 127 ? buf[i] - 256 : buf[i];
  return out;
}

function toBuffer(value: string | number[], charset?: unknown): Buffer {
  if (typeof value === 'string') return Buffer.from(value, charset === Charset.US_ASCII ? 'latin1' : 'utf8');
  return Buffer.from(value.map((b) => b & 0xff));
}

export class UtilitiesService {
  readonly DigestAlgorithm = DigestAlgorithm;
  readonly Charset = Charset;

  constructor(readonly rt: Runtime) {}

  formatDate(date: Date, timeZone: string, format: string): string {
    if (!isDate(date)) throw this.rt.error('Invalid argument: date');
    try {
      return formatDate(date, timeZone, format);
    } catch (e) {
      throw this.rt.error((e as Error).message);
    }
  }

  /** Advances the virtual clock instead of blocking (max 5 minutes, like Apps Script). */
  sleep(milliseconds: number): void {
    if (milliseconds > 300000) throw this.rt.error('Invalid argument: milliseconds');
    this.rt.clock.advance(milliseconds);
  }

  getUuid(): string {
    return randomUUID();
  }

  computeDigest(algorithm: unknown, value: string | number[], charset?: unknown): number[] {
    const name = NODE_DIGEST[String(algorithm)];
    if (!name) throw this.rt.error(`Invalid argument: algorithm`);
    return toSignedBytes(createHash(name).update(toBuffer(value, charset)).digest(), this.rt);
  }

  base64Encode(data: string | number[], charset?: unknown): string {
    return toBuffer(data, charset).toString('base64');
  }

  base64EncodeWebSafe(data: string | number[], charset?: unknown): string {
    return toBuffer(data, charset).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
  }

  base64Decode(encoded: string, charset?: unknown): number[] {
    void charset;
    return toSignedBytes(Buffer.from(encoded, 'base64'), this.rt);
  }

  /** newBlob(data[, contentType[, name]]) with data a string or bytes. */
  newBlob(data: string | number[], contentType?: string, name?: string): { getDataAsString(): string; getBytes(): number[]; getContentType(): string | null; getName(): string | null } {
    const rt = this.rt;
    const bytes = toBuffer(data);
    return {
      getDataAsString: () => bytes.toString('utf8'),
      getBytes: () => toSignedBytes(bytes, rt),
      getContentType: () => contentType ?? null,
      getName: () => name ?? null,
    };
  }
}
instrument(UtilitiesService, 'Utilities');

export { User };

export class SessionService {
  constructor(
    readonly rt: Runtime,
    private readonly options: { readonly locale: string; readonly scriptTimeZone: string },
  ) {}

  getActiveUserLocale(): string {
    return this.options.locale;
  }
  getScriptTimeZone(): string {
    return this.options.scriptTimeZone;
  }
  /** Deprecated alias of getScriptTimeZone that some code still calls. */
  getTimeZone(): string {
    return this.options.scriptTimeZone;
  }
  getActiveUser(): User {
    return new User(this.rt, this.rt.current.user);
  }
  getEffectiveUser(): User {
    return new User(this.rt, this.rt.current.user);
  }
  /** Stable per user, opaque, like the real key. */
  getTemporaryActiveUserKey(): string {
    return createHash('sha256').update(`tmp-key:${this.rt.current.user}`).digest('base64').slice(0, 43);
  }
}
instrument(SessionService, 'Session');

/** Renders console/Logger arguments the way Apps Script's log viewer roughly does. */
function render(args: unknown[]): string {
  return args
    .map((a) => {
      if (typeof a === 'string') return a;
      if (isDate(a)) return a.toString();
      try {
        return JSON.stringify(a) ?? String(a);
      } catch {
        return String(a);
      }
    })
    .join(' ');
}

export class LoggerService {
  constructor(
    readonly rt: Runtime,
    private readonly logs: string[],
  ) {}

  /** log(message) or log(format, ...values) with %s placeholders. */
  log(data: unknown, ...values: unknown[]): LoggerService {
    let text = render([data]);
    if (typeof data === 'string' && values.length) {
      let k = 0;
      text = data.replace(/%s/g, () => render([values[k++]]));
    }
    this.logs.push(text);
    return this;
  }

  getLog(): string {
    return this.logs.join('\n');
  }

  clear(): void {
    this.logs.length = 0;
  }
}
instrument(LoggerService, 'Logger');

/** console is not an Apps Script service, so it is not counted in stats. */
export function makeConsole(logs: string[]): Pick<Console, 'log' | 'info' | 'warn' | 'error' | 'debug'> {
  const sink = (level: string) => (...args: unknown[]) => {
    logs.push(level ? `[${level}] ${render(args)}` : render(args));
  };
  return { log: sink(''), info: sink('info'), warn: sink('warn'), error: sink('error'), debug: sink('debug') };
}
