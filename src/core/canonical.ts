/**
 * Turns the messy spellings of one categorical column into canonical values, in the order a
 * careful analyst would: the staff's own dictionary (`kamus`) first, then the built-in vocabulary
 * (fingerprint, squashed key, then typo distance), then clusters of the remaining values with each
 * other, the most frequent spelling winning (OpenRefine's key-collision + nearest-neighbour).
 */
import { VOCABULARY, ValueRole } from './vocabulary';
import { informalWords, mayMergeTopics } from './logshape/informal';
import { closeFingerprints, digitsOf, fingerprint, keyable, redact, redactNameRuns, squashKey, tidy, words } from './text';
import { at } from './table';

/** A dictionary entry as kept in the `kamus` tab. `kolom` is the role's Indonesian name. */
export interface KamusEntry {
  kolom: string;
  asli: string;
  baku: string;
}

export const KOLOM_OF_ROLE: Record<ValueRole, string> = { service: 'layanan', channel: 'kanal', topic: 'topik' };

interface Target {
  canonical: string;
  fp: string;
  squash: string;
}

/**
 * The fingerprint a role's values are matched by. Topics are free text typed in a hurry: their
 * informal abbreviations are written out first (`blm` → belum, `tdk`/`gk` → tidak, `no.` →
 * nomor), so "saldo jht blm masuk" meets "Saldo JHT belum masuk".
 */
function fingerprintFor(role: ValueRole): (v: string) => string {
  return role === 'topic' ? (v) => fingerprint(informalWords(v).join(' ')) || fingerprint(v) : fingerprint;
}

function targetsFor(role: ValueRole, extra: Iterable<string>): Target[] {
  const fp = fingerprintFor(role);
  const out: Target[] = [];
  for (const e of VOCABULARY[role]) {
    for (const v of [e.canonical, ...e.synonyms]) out.push({ canonical: e.canonical, fp: fp(v), squash: squashKey(v) });
  }
  for (const v of extra) out.push({ canonical: v, fp: fp(v), squash: squashKey(v) });
  return out;
}

/** Follows a chain of dictionary entries (a → b, b → c) without looping. */
function follow(dict: Map<string, string>, value: string): string {
  let cur = value;
  for (let hops = 0; hops < 10; hops++) {
    const next = dict.get(cur);
    if (next === undefined || next === cur) return cur;
    cur = next;
  }
  return cur;
}

function matchTarget(value: string, targets: Target[], byContainment: boolean, fpOf: (v: string) => string = fingerprint): string | undefined {
  if (!keyable(value)) return undefined;
  const fp = fpOf(value);
  const sq = squashKey(value);
  for (const t of targets) if (t.fp === fp || t.squash === sq) return t.canonical;
  let found: string | undefined;
  for (const t of targets) {
    if (closeFingerprints(fp, t.fp)) {
      if (found !== undefined && found !== t.canonical) return undefined;
      found = t.canonical;
    }
  }
  if (found !== undefined || !byContainment) return found;
  // Services and channels: a value naming exactly one known value among other words
  // ("Kantor Cabang Madiun", "PENGADUAN/KELUHAN", "JMO (Jamsostek Mobile)") is that value.
  // Two different known values ("Informasi JHT") stay as they are, for staff to decide in kamus.
  const words = new Set(fp.split(' '));
  for (const t of targets) {
    if (t.fp.split(' ').every((w) => words.has(w))) {
      if (found !== undefined && found !== t.canonical) return undefined;
      found = t.canonical;
    }
  }
  return found;
}

/** Up to this many leftover spellings, every pair is compared. */
const ALL_PAIRS_LIMIT = 2000;
/**
 * Beyond it (free text: thousands of distinct topics), spellings are blocked by word count and
 * first letter, and each is compared only with the ANCHORS most frequent spellings of its block:
 * typos gather around a frequent spelling, and the most frequent spelling wins anyway. This keeps
 * clustering linear instead of quadratic.
 */
const ANCHORS = 48;

/**
 * Builds the mapping for one column.
 * @param counts tidy spelling → number of rows
 * @param dict the staff dictionary for this column (tidy asli → baku)
 * @returns tidy spelling → canonical value
 */
export function canonicalise(role: ValueRole, counts: Map<string, number>, dict: Map<string, string>): Map<string, string> {
  const result = new Map<string, string>();
  const dictTargets = new Set<string>();
  for (const v of dict.values()) dictTargets.add(follow(dict, v));
  const targets = targetsFor(role, dictTargets);
  const leftovers: string[] = [];
  for (const value of counts.keys()) {
    if (dict.has(value)) {
      result.set(value, follow(dict, value));
      continue;
    }
    const hit = matchTarget(value, targets, role !== 'topic', fingerprintFor(role));
    if (hit !== undefined) result.set(value, hit);
    else leftovers.push(value);
  }
  // Topics also join across a one-letter typo in a short word ("eror"/"error"), never across a
  // number or a product code (logshape/informal.ts mayMergeTopics).
  for (const cluster of clusters(leftovers, counts, fingerprintFor(role), role === 'topic' ? mayMergeTopics : undefined)) {
    let winner = at(cluster, 0);
    for (const v of cluster) if ((counts.get(v) ?? 0) > (counts.get(winner) ?? 0)) winner = v;
    for (const v of cluster) result.set(v, winner);
  }
  return result;
}

/** Words of the domain: a value made of these is a service, channel or topic, not a name. */
const DOMAIN_WORDS: ReadonlySet<string> = new Set([
  ...(['service', 'channel', 'topic'] as ValueRole[]).flatMap((r) => VOCABULARY[r].flatMap((e) => [e.canonical, ...e.synonyms].flatMap((v) => words(v)))),
  ...[
    'ada ahli akun alamat ambil anak antri antrian aplikasi asik atau bank bantuan baru batal bayar beasiswa beda belum berkas',
    'bermasalah biometrik bisa buku cabang cair cara cek cetak dana dan daftar data denda dengan dari di ditolak dokumen double',
    'email eror error fisik foto gagal gaji ganda ganti hilang hp iuran jadwal janji jawab jkk jkm jkp jp kantor kartu ke',
    'kecelakaan keluarga keluhan kepesertaan keterangan kerja kirim kk klaim kontak ktp kunjungan lahir lama lambat lapak',
    'laporan layanan legalisir lihat login loket lupa mau manfaat masalah masuk meninggal minta mobile mohon nama nik no',
    'nomor offline online pelayanan pembayaran pemberi pencairan pendaftaran pending pengajuan pensiun perlu perubahan',
    'perusahaan peserta phk pin proses rekening resign rusak saldo salah sakit sandi selesai sesuai sinkron sisa status',
    'sudah surat suami tabungan tanggal tanya telepon telpon terima tidak titip titipan tolak transfer tunggakan tunggu',
    'ubah ulang untuk upah update validasi verifikasi wa wajah waris whatsapp yang',
  ]
    .join(' ')
    .split(' '),
]);

/** A word of the service domain (lower case): never part of a name. */
export function isDomainWord(lowerWord: string): boolean {
  return DOMAIN_WORDS.has(lowerWord);
}

/** The form of a service, channel or topic value that may leave the log: numbers, e-mails and names redacted. */
export function safeText(value: string, personal: readonly string[] = []): string {
  return redactNameRuns(redact(value, personal), isDomainWord);
}

/**
 * Looks like a person's name: two to four capitalised words of letters alone, none of them a word
 * of the domain ("Budi Santoso", "Siti Aminah"). Two such values are never joined: "Budi Santosa"
 * is another person, not a typo.
 */
export function looksLikeName(value: string): boolean {
  const parts = value.split(' ');
  if (parts.length < 2 || parts.length > 4) return false;
  return parts.every((p) => /^[A-Z][a-z]+$/.test(p) && !DOMAIN_WORDS.has(p.toLowerCase()));
}

/**
 * Groups spellings by equal keys, then joins groups whose fingerprints differ only by typos.
 * A join never puts two different values together when they cannot be told apart by their keys
 * (not keyable), differ in their digits, or both look like names: a cluster keeps the digits of
 * its members and whether it already holds a name, and a join that would break either is refused.
 */
function clusters(values: string[], counts: Map<string, number>, fingerprint: (v: string) => string, alsoSame: (a: string, b: string) => boolean = () => false): string[][] {
  const byKey = new Map<string, number>();
  const parent: number[] = [];
  const fps: string[] = [];
  const digits: string[] = [];
  const hasName: boolean[] = [];
  const find = (i: number): number => {
    while (at(parent, i) !== i) {
      parent[i] = at(parent, at(parent, i));
      i = at(parent, i);
    }
    return i;
  };
  const union = (a: number, b: number): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb || digits[ra] !== digits[rb] || (hasName[ra] && hasName[rb])) return;
    const root = Math.min(ra, rb);
    parent[Math.max(ra, rb)] = root;
    hasName[root] = at(hasName, ra) || at(hasName, rb);
  };
  values.forEach((v, i) => {
    parent.push(i);
    const fp = fingerprint(v);
    const joinable = keyable(v);
    fps.push(joinable ? fp : '');
    digits.push(joinable ? digitsOf(v) : '\u0000' + i);
    hasName.push(looksLikeName(v));
    if (!joinable) return;
    for (const key of ['f:' + fp, 's:' + squashKey(v)]) {
      const seen = byKey.get(key);
      if (seen === undefined) byKey.set(key, i);
      else union(i, seen);
    }
  });
  const blocks = new Map<string, number[]>();
  values.forEach((_, i) => {
    const fp = at(fps, i);
    if (fp === '') return;
    const block = values.length <= ALL_PAIRS_LIMIT ? '' : fp.split(' ').length + fp.charAt(0);
    const list = blocks.get(block);
    if (list) list.push(i);
    else blocks.set(block, [i]);
  });
  for (const members of blocks.values()) {
    if (values.length <= ALL_PAIRS_LIMIT) {
      for (let a = 0; a < members.length; a++) {
        for (let b = a + 1; b < members.length; b++) {
          const i = at(members, a);
          const j = at(members, b);
          if (find(i) !== find(j) && (closeFingerprints(at(fps, i), at(fps, j)) || alsoSame(at(values, i), at(values, j)))) union(i, j);
        }
      }
      continue;
    }
    const anchors = members.slice().sort((x, y) => (counts.get(at(values, y)) ?? 0) - (counts.get(at(values, x)) ?? 0)).slice(0, ANCHORS);
    for (const i of members) {
      for (const j of anchors) {
        if (i !== j && find(i) !== find(j) && (closeFingerprints(at(fps, i), at(fps, j)) || alsoSame(at(values, i), at(values, j)))) union(i, j);
      }
    }
  }
  const groups = new Map<number, string[]>();
  values.forEach((v, i) => {
    const r = find(i);
    const g = groups.get(r);
    if (g) g.push(v);
    else groups.set(r, [v]);
  });
  return Array.from(groups.values());
}

/**
 * The dictionary of one column from the `kamus` entries. An entry joining two values that neither
 * have a usable key ("你好世界" → "مرحبا بكم") is dropped: earlier versions wrote such merges
 * themselves, and keeping them would repeat the merge after every undo.
 */
export function dictionaryFor(role: ValueRole, kamus: readonly KamusEntry[]): Map<string, string> {
  const kolom = KOLOM_OF_ROLE[role];
  const dict = new Map<string, string>();
  for (const e of kamus) {
    if (e.kolom.trim().toLowerCase() !== kolom) continue;
    const asli = tidy(e.asli);
    const baku = tidy(e.baku);
    if (asli === '' || baku === '') continue;
    if (asli !== baku && !keyable(asli) && !keyable(baku)) continue;
    dict.set(asli, baku);
  }
  return dict;
}
