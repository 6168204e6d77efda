import { NoteInterner } from '../../../src/core/clean/notes';

describe('NoteInterner: one note string per distinct set of fixes', () => {
  const fragments = ['Usia: "35 th" -> 35', 'Layanan: "info" -> Informasi', 'Kanal: "wa" -> WhatsApp'];

  test('joins prefix, fragment texts in the order given and extra with "; ", leaving out empty parts', () => {
    const notes = new NoteInterner(fragments);
    expect(notes.note([0, 2])).toBe('Usia: "35 th" -> 35; Kanal: "wa" -> WhatsApp');
    expect(notes.note([2, 0])).toBe('Kanal: "wa" -> WhatsApp; Usia: "35 th" -> 35');
    expect(notes.note([1], 'Tanggal diisi dari baris 3')).toBe('Tanggal diisi dari baris 3; Layanan: "info" -> Informasi');
    expect(notes.note([], '', 'Usia 250 tidak masuk akal')).toBe('Usia 250 tidak masuk akal');
    expect(notes.note([1], 'P', 'E')).toBe('P; Layanan: "info" -> Informasi; E');
    expect(notes.note([])).toBe('');
  });

  test('the same fixes give the same note, different prefixes or extras do not mix', () => {
    const notes = new NoteInterner(fragments);
    const rows = [[0], [0, 1], [0], [0, 1], [1, 0]];
    const texts = rows.map((f) => notes.note(f));
    expect(texts[0]).toBe(texts[2]);
    expect(texts[1]).toBe(texts[3]);
    expect(texts[1]).not.toBe(texts[4]);
    expect(notes.note([0], 'a', 'b')).not.toBe(notes.note([0], 'a\u0000b'));
    expect(notes.note([0], 'a', '')).toBe('a; Usia: "35 th" -> 35');
    expect(notes.note([0], '', 'a')).toBe('Usia: "35 th" -> 35; a');
  });

  test('a fragment added after the interner was made is read when first used', () => {
    const texts: string[] = [];
    const notes = new NoteInterner(texts);
    texts.push('first');
    expect(notes.note([0])).toBe('first');
    texts.push('second');
    expect(notes.note([0, 1])).toBe('first; second');
  });
});

test('NoteInterner: finish is applied once to each composed note', () => {
  let calls = 0;
  const notes = new NoteInterner(['abcdef', 'gh'], (s) => {
    calls++;
    return s.slice(0, 4);
  });
  expect(notes.note([0])).toBe('abcd');
  expect(notes.note([0])).toBe('abcd');
  expect(notes.note([1])).toBe('gh');
  expect(calls).toBe(2);
});
