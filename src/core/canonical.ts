/**
 * Turns the messy spellings of one categorical column into canonical values, in the order a
 * careful analyst would: the staff's own dictionary (`kamus`) first, then the built-in vocabulary
 * (fingerprint, squashed key, then typo distance), then clusters of the remaining values with each
 * other, the most frequent spelling winning (OpenRefine's key-collision + nearest-neighbour).
 */
import { VOCABULARY, ValueRole } from './vocabulary';
import { TopicWords, expandInformal, hasNoDot, informalWords, mayMergeTopicWords, topicWords } from './logshape/informal';
import { closeWordLists, digitsOf, fingerprint, keyable, redact, redactNameRuns, squashKey, tidy, words } from './text';
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
  /** fp's words. */
  fpWords: string[];
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

function targetOf(canonical: string, fp: string, v: string): Target {
  return { canonical, fp, fpWords: fp.split(' '), squash: squashKey(v) };
}

/** The built-in vocabulary's targets per role, worked out on first use. */
const BUILT_IN_TARGETS: Partial<Record<ValueRole, readonly Target[]>> = {};

function targetsFor(role: ValueRole, extra: Iterable<string>): Target[] {
  const fp = fingerprintFor(role);
  let builtIn = BUILT_IN_TARGETS[role];
  if (!builtIn) {
    const list: Target[] = [];
    for (const e of VOCABULARY[role]) {
      for (const v of [e.canonical, ...e.synonyms]) list.push(targetOf(e.canonical, fp(v), v));
    }
    BUILT_IN_TARGETS[role] = builtIn = list;
  }
  const out = builtIn.slice();
  for (const v of extra) out.push(targetOf(v, fp(v), v));
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

/** A spelling's matching keys, worked out once (matchTarget and clusters both read them); none when it is not keyable. */
interface Keys {
  fp: string;
  squash: string;
}

function keysOf(value: string, role: ValueRole): Keys | null {
  if (!keyable(value)) return null;
  // fingerprintFor(role)(value) and squashKey(value) from one words(value).
  const ws = words(value);
  const squash = ws.join('');
  const plain = (): string => Array.from(new Set(ws)).sort().join(' ');
  if (role !== 'topic') return { fp: plain(), squash };
  if (hasNoDot(value)) return { fp: fingerprintFor(role)(value), squash };
  // The expanded words are words already (unless an abbreviation lookup met something else):
  // their fingerprint is their sorted set.
  const expanded = expandInformal(ws);
  if (!expanded.every((w) => typeof w === 'string' && /^[a-z0-9]+$/.test(w))) return { fp: fingerprintFor(role)(value), squash };
  return { fp: Array.from(new Set(expanded)).sort().join(' ') || plain(), squash };
}

function matchTarget(keys: Keys | null, targets: Target[], byContainment: boolean): string | undefined {
  if (!keys) return undefined;
  const fp = keys.fp;
  const sq = keys.squash;
  for (const t of targets) if (t.fp === fp || t.squash === sq) return t.canonical;
  let found: string | undefined;
  const fpWords = fp.split(' ');
  for (const t of targets) {
    if (closeWordLists(fpWords, t.fpWords)) {
      if (found !== undefined && found !== t.canonical) return undefined;
      found = t.canonical;
    }
  }
  if (found !== undefined || !byContainment) return found;
  // Services and channels: a value naming exactly one known value among other words
  // ("Kantor Cabang Madiun", "PENGADUAN/KELUHAN", "JMO (Jamsostek Mobile)") is that value.
  // Two different known values ("Informasi JHT") stay as they are, for staff to decide in kamus.
  const words = new Set(fpWords);
  for (const t of targets) {
    if (t.fpWords.every((w) => words.has(w))) {
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
  const leftoverKeys: (Keys | null)[] = [];
  for (const value of counts.keys()) {
    if (dict.has(value)) {
      result.set(value, follow(dict, value));
      continue;
    }
    const keys = keysOf(value, role);
    const hit = matchTarget(keys, targets, role !== 'topic');
    if (hit !== undefined) result.set(value, hit);
    else {
      leftovers.push(value);
      leftoverKeys.push(keys);
    }
  }
  // Topics also join across a one-letter typo in a short word ("eror"/"error"), never across a
  // number or a product code (logshape/informal.ts mayMergeTopics).
  for (const cluster of clusters(leftovers, leftoverKeys, counts, role === 'topic' ? TOPIC_SAMENESS : undefined)) {
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
  if (personal.length > 0) return redactNameRuns(redact(value, personal), isDomainWord);
  // Without personal values the answer depends on the text alone: a run asks for the same few
  // hundred spellings again and again (kamus, the visits, masalah_data).
  let safe = SAFE_TEXT_CACHE.get(value);
  if (safe === undefined) {
    if (SAFE_TEXT_CACHE.size >= SAFE_TEXT_CACHE_LIMIT) SAFE_TEXT_CACHE.clear();
    SAFE_TEXT_CACHE.set(value, (safe = redactNameRuns(redact(value), isDomainWord)));
  }
  return safe;
}
const SAFE_TEXT_CACHE = new Map<string, string>();
const SAFE_TEXT_CACHE_LIMIT = 8192;

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
 * A second way two leftover spellings may join (beside close fingerprints): `prepare` is worked
 * out once per spelling, `same` compares two prepared spellings.
 */
interface Sameness<K> {
  prepare: (v: string) => K;
  same: (a: K, b: K) => boolean;
  /** A number two prepared spellings must share for `same` to hold. */
  size: (k: K) => number;
}

/** Topics: logshape/informal.ts mayMergeTopics, which needs as many distinct expanded words on both sides. */
const TOPIC_SAMENESS: Sameness<TopicWords> = { prepare: topicWords, same: mayMergeTopicWords, size: (k) => k.words.length };

/**
 * Groups spellings by equal keys, then joins groups whose fingerprints differ only by typos.
 * A join never puts two different values together when they cannot be told apart by their keys
 * (not keyable), differ in their digits, or both look like names: a cluster keeps the digits of
 * its members and whether it already holds a name, and a join that would break either is refused.
 */
function clusters<K>(values: string[], keys: readonly (Keys | null)[], counts: Map<string, number>, alsoSame?: Sameness<K>): string[][] {
  const byKey = new Map<string, number>();
  const parent: number[] = [];
  const fps: string[] = [];
  /** Each fingerprint's words, split once (fingerprints are compared pairwise). */
  const fpWords: string[][] = [];
  const prepared: K[] = [];
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
    const k = keys[i] ?? null;
    fps.push(k ? k.fp : '');
    fpWords.push(k ? k.fp.split(' ') : []);
    digits.push(k ? digitsOf(v) : '\u0000' + i);
    hasName.push(looksLikeName(v));
    if (!k) return;
    for (const key of ['f:' + k.fp, 's:' + k.squash]) {
      const seen = byKey.get(key);
      if (seen === undefined) byKey.set(key, i);
      else union(i, seen);
    }
  });
  /**
   * Pairs that cannot join are skipped before anything else is looked at: close fingerprints
   * have as many words (fpCount), and alsoSame holds only for spellings of one size (sameCount;
   * -1 when there is no alsoSame, which no pair then passes through).
   */
  const fpCount = new Int32Array(values.length);
  const sameCount = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    fpCount[i] = at(fpWords, i).length;
    if (alsoSame) {
      const k = alsoSame.prepare(at(values, i));
      prepared.push(k);
      sameCount[i] = alsoSame.size(k);
    } else sameCount[i] = -1 - i;
  }
  /** closeFingerprints(fps[i], fps[j]) || alsoSame(values[i], values[j]), from what was worked out once per value. */
  const close = (i: number, j: number): boolean => {
    if (at(fps, i) === at(fps, j) || closeWordLists(at(fpWords, i), at(fpWords, j))) return true;
    return alsoSame !== undefined && alsoSame.same(at(prepared, i), at(prepared, j));
  };
  const mayJoin = (i: number, j: number): boolean => fpCount[i] === fpCount[j] || sameCount[i] === sameCount[j];
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
          if (mayJoin(i, j) && find(i) !== find(j) && close(i, j)) union(i, j);
        }
      }
      continue;
    }
    const anchors = members.slice().sort((x, y) => (counts.get(at(values, y)) ?? 0) - (counts.get(at(values, x)) ?? 0)).slice(0, ANCHORS);
    for (const i of members) {
      for (const j of anchors) {
        if (i !== j && mayJoin(i, j) && find(i) !== find(j) && close(i, j)) union(i, j);
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
