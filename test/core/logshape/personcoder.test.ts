import fc from 'fast-check';
import { PersonCoder, findDuplicates, personKey } from '../../../src/core/logshape/duplicates';
import type { Cell } from '../../../src/core/cells';

/** KPJ-, NIK- and name-like cells, as numbers and as text, with the spellings that must meet. */
const idCell: fc.Arbitrary<Cell> = fc.oneof(
  fc.constantFrom<Cell>('', '-', 0, 1234, 12345, 123456, -12345, 12345.6, 1e21, NaN, Infinity, true, new Date(0)),
  fc.integer({ min: 0, max: 99999999999 }),
  fc.integer({ min: 0, max: 99999999999 }).map((n) => String(n)),
  fc.integer({ min: 0, max: 99999999999 }).map((n) => '00' + String(n)),
  fc.integer({ min: 0, max: 99999999999 }).map((n) => `'${String(n).replace(/(\d{4})/, '$1-')}`),
  fc.constantFrom<Cell>('3577012345678901', '03577012345678901', '35770123456789012345', 3577012345678901),
);
const nameCell: fc.Arbitrary<Cell> = fc.constantFrom<Cell>('', 'Budi', ' budi ', 'Budi Santoso', 'BUDI  SANTOSO', 'Sari', '-', '?', 42, 'Ани');

describe('PersonCoder: person codes without a key string per row', () => {
  test('two rows get the same code exactly when personKey gives the same key (and 0 exactly for no one)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(idCell, nameCell, idCell), { minLength: 1, maxLength: 40 }), (rows) => {
        const coder = new PersonCoder();
        const codes = rows.map(([kpj, name, nik]) => coder.code(kpj, name, nik));
        const keys = rows.map(([kpj, name, nik]) => personKey(kpj, name, nik));
        for (let i = 0; i < rows.length; i++) {
          expect(codes[i] === 0).toBe(keys[i] === '');
          for (let j = 0; j < i; j++) expect(codes[i] === codes[j]).toBe(keys[i] === keys[j]);
        }
      }),
      { numRuns: 300 },
    );
  });

  test('a KPJ typed as a number, as text with leading zeros and with dashes is one person; a NIK of the same digits is another', () => {
    const coder = new PersonCoder();
    const asNumber = coder.code(1234567890, 'Budi');
    expect(coder.code('01234567890', '')).toBe(asNumber);
    expect(coder.code("'0123-4567-890", 'Sari')).toBe(asNumber);
    expect(coder.code('', 'Budi', 1234567890)).not.toBe(asNumber);
    expect(coder.code('', '-', '')).toBe(0);
  });

  test('findDuplicates reads person codes as it reads person keys', () => {
    const day = [1, 1, 1, 2];
    const service = ['Informasi', 'Informasi', 'Informasi', 'Informasi'];
    const topic = ['Saldo', 'Saldo', 'Saldo', 'Saldo'];
    const coder = new PersonCoder();
    const people: [Cell, Cell][] = [[12345678901, 'A'], ['012345678901', 'B'], [99999999999, 'C'], [12345678901, 'A']];
    const personCodes = Int32Array.from(people.map(([kpj, name]) => coder.code(kpj, name)));
    const byCodes = Array.from(findDuplicates({ day, personCodes, service, topic }));
    const byKeys = Array.from(findDuplicates({ day, person: people.map(([kpj, name]) => personKey(kpj, name)), service, topic }));
    expect(byCodes).toEqual([-1, 0, -1, -1]);
    expect(byCodes).toEqual(byKeys);
  });
});
