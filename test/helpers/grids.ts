/**
 * Messy service-log grids for property-based tests: every date format staff type, ages with
 * units, service/channel/topic spelling variants, blanks, duplicates, formulas and junk.
 */
import fc from 'fast-check';
import type { Cell, Grid } from '../../src/core/cells';
import { zonedDate } from '../../tools/emulator';

export const TZ = 'Asia/Jakarta';
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nop', 'Des'];
const MONTHS_FULL = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

const pad = (n: number) => String(n).padStart(2, '0');

const dateCell = (tz = TZ): fc.Arbitrary<Cell> =>
  fc
    .record({ y: fc.integer({ min: 2022, max: 2024 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }), style: fc.integer({ min: 0, max: 9 }) })
    .map(({ y, m, d, style }): Cell => {
      switch (style) {
        case 0:
          return zonedDate(tz, y, m, d);
        case 1:
          return `${pad(d)}/${pad(m)}/${y}`;
        case 2:
          return `${d}-${m}-${y}`;
        case 3:
          return `${d} ${MONTHS[m - 1]} ${y}`;
        case 4:
          return `Senin, ${d} ${MONTHS_FULL[m - 1]} ${y}`;
        case 5:
          return `${y}-${pad(m)}-${pad(d)}`;
        case 6:
          return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000);
        case 7:
          return `${pad(d)}/${pad(m)}/${y} 10:15:00`;
        case 8:
          return zonedDate(tz, y, m, d, 9, 30, 0);
        default:
          return ` ${d} ${MONTHS[m - 1].toLowerCase()} ${y} `;
      }
    });

const junk = fc.oneof(
  fc.constantFrom<Cell>('', '??', '-', 'belum diisi', '31/02/2023', '=SUM(A1)', '+62 812 3456', '@admin', '<b>x</b>', 'ñandú ☃', 'x'.repeat(300)),
  fc.string({ maxLength: 12 }),
  fc.integer({ min: -5, max: 200 }),
  fc.boolean(),
);

export const ageCell: fc.Arbitrary<Cell> = fc.oneof(
  fc.integer({ min: 15, max: 70 }),
  fc.integer({ min: 15, max: 70 }).map((a) => `${a} th`),
  fc.integer({ min: 15, max: 70 }).map((a) => ` ${a} tahun `),
  fc.constantFrom<Cell>('', '5 th', 130, 'tua', '35thn'),
);

const variants = (xs: string[]): fc.Arbitrary<Cell> =>
  fc.tuple(fc.constantFrom(...xs), fc.integer({ min: 0, max: 4 })).map(([v, k]) => [v, v.toLowerCase(), v.toUpperCase(), ` ${v}  `, v.replace(' ', '  ')][k]);

const serviceCell = fc.oneof(variants(['Informasi', 'Pengaduan', 'Keluhan', 'Komplain', 'Update Data', 'Klaim JHT', 'Infromasi']), fc.constant<Cell>(''));
const channelCell = fc.oneof(variants(['Kantor Cabang', 'Lapak Asik', 'JMO', 'LapakAsik']), fc.constant<Cell>(''));
export const topicCell = fc.oneof(
  variants(['KPJ Lama', 'Lama KPJ', 'Prosedur Klaim JHT', 'Gagal Biometrik JMO', 'Gagal Biometirk JMO', 'Lupa Akun JMO', 'Saldo JHT', 'Saldo Jht', 'Cetak Kartu']),
  fc.constant<Cell>(''),
  junk,
);
export const nameCell = fc.constantFrom<Cell>('Budi Santoso', 'Siti Aminah', 'Andi Wijaya', 'Dewi Lestari', 'Eko Prasetyo', '');

export const HEADER: Cell[] = ['Tanggal Kunjungan', 'Nama Peserta', 'No KPJ', 'Usia (th)', 'Layanan', 'Kanal', 'Topik'];

export const row: fc.Arbitrary<Cell[]> = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(dateCell(), nameCell, fc.integer({ min: 10000000000, max: 99999999999 }).map(String), ageCell, serviceCell, channelCell, topicCell) },
  { weight: 1, arbitrary: fc.tuple(junk, nameCell, junk, junk, junk, junk, junk) },
  { weight: 1, arbitrary: fc.constant<Cell[]>(['', '', '', '', '', '', '']) },
);

/** A grid with a header, messy rows, and some exact duplicates of earlier rows. */
export const messyGrid: fc.Arbitrary<Grid> = fc
  .tuple(fc.array(row, { minLength: 1, maxLength: 40 }), fc.array(fc.nat(), { maxLength: 6 }))
  .map(([rows, dups]) => {
    const out = rows.map((r) => r.slice());
    for (const k of dups) out.push(out[k % out.length].slice());
    return [HEADER.slice(), ...out];
  });
