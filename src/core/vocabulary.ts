/**
 * Built-in vocabulary of a BPJS Ketenagakerjaan branch: canonical values and the synonyms staff
 * write for them. Spelling variants (case, spacing, punctuation, word order, typos) need no entry:
 * the fingerprint and edit-distance matchers find them.
 */
export type ValueRole = 'service' | 'channel' | 'topic';

export interface VocabEntry {
  canonical: string;
  synonyms: string[];
}

export const SERVICES: VocabEntry[] = [
  { canonical: 'Informasi', synonyms: ['Info', 'Permintaan Informasi', 'Konsultasi'] },
  { canonical: 'Pengaduan', synonyms: ['Keluhan', 'Komplain', 'Complaint', 'Aduan'] },
  { canonical: 'Permintaan Update Data', synonyms: ['Update Data', 'Perubahan Data', 'Pembaruan Data', 'Ubah Data', 'Pemutakhiran Data'] },
  { canonical: 'Klaim JHT', synonyms: ['Klaim Jaminan Hari Tua', 'Pencairan JHT', 'JHT'] },
];

export const CHANNELS: VocabEntry[] = [
  // Short words allow no typo, so the usual short-hands and the standard spelling "asyik" are named.
  { canonical: 'Kantor Cabang', synonyms: ['KC', 'Kacab', 'Onsite', 'On Site', 'Loket', 'Kantor', 'Kntr'] },
  { canonical: 'Lapak Asik', synonyms: ['Lapak ASIK', 'Layanan Tanpa Kontak Fisik', 'Lapak Asyik', 'Lpk Asik', 'Lapak'] },
  { canonical: 'JMO', synonyms: ['Jamsostek Mobile', 'Aplikasi JMO', 'JMO App', 'BPJSTKU'] },
];

export const TOPICS: VocabEntry[] = [
  { canonical: 'KPJ Lama', synonyms: ['Kartu Lama', 'Nomor KPJ Lama'] },
  { canonical: 'Prosedur Klaim JHT', synonyms: ['Cara Klaim JHT', 'Syarat Klaim JHT'] },
  { canonical: 'Gagal Biometrik JMO', synonyms: ['Biometrik JMO Gagal', 'Gagal Verifikasi Wajah JMO'] },
  { canonical: 'Gagal Klaim JMO', synonyms: ['Klaim JMO Gagal'] },
  { canonical: 'Error Akun JMO', synonyms: ['Akun JMO Error', 'Akun JMO Bermasalah'] },
  { canonical: 'Lupa Akun JMO', synonyms: ['Lupa Password JMO', 'Lupa Kata Sandi JMO', 'Lupa PIN JMO'] },
];

export const VOCABULARY: Record<ValueRole, VocabEntry[]> = {
  service: SERVICES,
  channel: CHANNELS,
  topic: TOPICS,
};

/** Categories of complaints about the JMO app (ds_keluhan_jmo). */
export const JMO_COMPLAINT_CATEGORIES = ['Gagal Biometrik', 'Gagal Klaim', 'Error Akun', 'Lupa Akun', 'Lainnya'] as const;
export type JmoComplaintCategory = (typeof JMO_COMPLAINT_CATEGORIES)[number];

/** The value written when a row has no service, channel or topic. */
export const UNKNOWN = 'Tidak diketahui';
