/** Base.User: a Google account as Session and Protection report it. */
import { instrument, Runtime } from './runtime';

export class User {
  constructor(
    readonly rt: Runtime,
    private readonly email: string,
  ) {}
  getEmail(): string {
    return this.email;
  }
  /** Deprecated in Apps Script but still present; the emulator has no display names. */
  getUserLoginId(): string {
    return this.email;
  }
  toString(): string {
    return this.email;
  }
}
instrument(User, 'User', [], ['toString']);
