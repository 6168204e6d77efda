/** SHA-256 and HMAC-SHA-256 against published vectors and Node's crypto. */
import { createHash, createHmac } from 'crypto';
import { hmacSha256, hex, sha256, utf8 } from '../../../src/core/regional/sha256';

test('SHA-256 matches FIPS 180-4 vectors and Node for lengths around the block edges', () => {
  expect(hex(sha256(utf8('')))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  expect(hex(sha256(utf8('abc')))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  expect(hex(sha256(utf8('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')))).toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
  for (const n of [55, 56, 63, 64, 65, 119, 120, 1000]) {
    const s = 'é'.repeat(n) + 'x';
    expect(hex(sha256(utf8(s)))).toBe(createHash('sha256').update(s, 'utf8').digest('hex'));
  }
  expect(Array.from(utf8('\u{1F600}'))).toEqual([0xf0, 0x9f, 0x98, 0x80]);
});

test('HMAC-SHA-256 matches RFC 4231 and Node, for short and long keys', () => {
  expect(hmacSha256('Jefe')('what do ya want for nothing?')).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
  const long = 'k'.repeat(131);
  expect(hmacSha256(long)('KPJ 23000000001')).toBe(createHmac('sha256', long).update('KPJ 23000000001').digest('hex'));
  expect(hmacSha256('a')('x')).not.toBe(hmacSha256('b')('x'));
});
