/**
 * The summaries give byte-identical output after their speed-up (issue #12, summarise 3×
 * faster): every table, info_ringkasan, peaks, findings and the weekly chart points of a
 * synthetic run (two sheets, ~18,700 visits built straight into VisitTables, so the cleaner does
 * not move them) hash exactly as they did with the row-by-row code of commit f089d41.
 *
 * Each part is compared as its row count and the SHA-256 of its canonical text (summarise-check's
 * summariesText: numbers, texts, dates and booleans typed, -0 told from 0). A part that differs
 * is named; to see how, write both versions' text with
 *   npx tsx tools/bench/golden-gen.ts /tmp/out   (on each commit) and diff the files.
 * When the output is meant to change, regenerate these digests from the same tool and say why
 * in the commit.
 */
import { summarise } from '../../../src/core/summarise';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import { intlZoneClock } from '../../../tools/emulator';
import { CHECK_RUN, summariesDigest } from '../../../tools/bench/summarise-check';
import { syntheticVisits } from '../../../tools/bench/synthvisits';

const GOLDEN: Record<'id' | 'en', Record<string, string>> = {
  "id": {
    "ds_harian": "4256 916f6fbe29bb14d17341cda3f4269681999bc1dd040a23c63b315eb5b1a746c2",
    "ds_mingguan": "960 26e482e890a26262dc691c22093aa0e474080e26092eb859d2a90dcd8963b4e4",
    "ds_minggu_bulan": "528 b8a89e375db082d6622a4d72ad9eb60ce3c8608e88b3858aeb19b21bd61f89a0",
    "ds_distribusi": "12 d2a3d75461197e3f61fb432ab75fb49ab7ff9a1a95c0c615b47f9f8b61310cdb",
    "ds_usia": "30 cd36cbb618e0d6259cc4a441ca39fbb4a6ad66c7682a0804f769cfdac9d41af2",
    "ds_topik": "127 0f3c5598c06625fdda6315abff5b433af983d8372d04bcd7ecf688a36d9dfd76",
    "ds_kanal": "454 9f2b3f6118b0fabd41f2f322ff858d98bbaae029d3f5d68fa0c7c47ebf8ced90",
    "ds_keluhan_jmo": "176 fcf3128b8a68ff12ce1f3b80ad2466de64abf4c28e3b37c893fdf7f571603045",
    "ds_puncak": "88 93353c4b3f19119a4d876efe0aad37d8c64e9a5efbe0fd4d94e2dbf6f7f50948",
    "info_ringkasan": "33 bbbf6c09504aa4e70e5eccf8634e8323b1043b40b795e8d6e5bfc9a8fd428dca",
    "ds_prakiraan": "480 8d4ffc0aa47e45ad1b29b7706f0699f9e60089f8c734c809f4018c25db757b73",
    "ds_staf": "150 29dd3af9280345325edce07b229fb7c49027b2a4567f88423b32206e8465bc66",
    "ds_perubahan": "6 447c083a0618df8688668224006093a274ae0fed89bd75748fc0caba231815d0",
    "wawasan": "4 437702b6c8fdec9c52735de3a4263c1a564ebd6fe7fe9dfdfb01dc8e98f447b5",
    "peaks": "0 e6039e19b29139ce353b8981697406260c6fc0268ff69585a43957cf95165602",
    "earlyMonthPeaks": "0 fb8c55b3b105270bb1c9bc2c1fcce779cb4a1a85abbefeecf8fafab2355f1e95",
    "counts": "0 f8476c4887b8fd07c70a7d4404ae931f990503346acec9857f905b0538217daa",
    "findings": "0 e62e519d0909d3396efbb71798e307c0c7b22d7b249cc971f1900661145180b7",
    "weeks": "0 2a2d33e1554df33c75a6760399119a099380650c53de2443bd97bf93558d1680"
  },
  "en": {
    "ds_harian": "4256 916f6fbe29bb14d17341cda3f4269681999bc1dd040a23c63b315eb5b1a746c2",
    "ds_mingguan": "960 26e482e890a26262dc691c22093aa0e474080e26092eb859d2a90dcd8963b4e4",
    "ds_minggu_bulan": "528 b8a89e375db082d6622a4d72ad9eb60ce3c8608e88b3858aeb19b21bd61f89a0",
    "ds_distribusi": "12 d2a3d75461197e3f61fb432ab75fb49ab7ff9a1a95c0c615b47f9f8b61310cdb",
    "ds_usia": "30 cd36cbb618e0d6259cc4a441ca39fbb4a6ad66c7682a0804f769cfdac9d41af2",
    "ds_topik": "127 0f3c5598c06625fdda6315abff5b433af983d8372d04bcd7ecf688a36d9dfd76",
    "ds_kanal": "454 9f2b3f6118b0fabd41f2f322ff858d98bbaae029d3f5d68fa0c7c47ebf8ced90",
    "ds_keluhan_jmo": "176 fcf3128b8a68ff12ce1f3b80ad2466de64abf4c28e3b37c893fdf7f571603045",
    "ds_puncak": "88 93353c4b3f19119a4d876efe0aad37d8c64e9a5efbe0fd4d94e2dbf6f7f50948",
    "info_ringkasan": "33 8abb8c72defcb6c191d087fe8d06e4d71c816de5597efea4c46b90a6cacf46fd",
    "ds_prakiraan": "480 caeeaab3bf1f2094e4eb0b3f016f0515978cd19ee653b1192c74fb33c4110c50",
    "ds_staf": "150 573a0273f509cb1ac7c92d6a6dd3afacf1c08aede545253d9fec3f940458ce69",
    "ds_perubahan": "6 6bb33c75abeeda55d6ecb5130fc0c6e82402fb385543ec09779ae68440bf95a9",
    "wawasan": "4 16afc3aa535b3e493b598eab0b32cdb5d6831b6d9294be0ee84a57e81092ebbb",
    "peaks": "0 e6039e19b29139ce353b8981697406260c6fc0268ff69585a43957cf95165602",
    "earlyMonthPeaks": "0 fb8c55b3b105270bb1c9bc2c1fcce779cb4a1a85abbefeecf8fafab2355f1e95",
    "counts": "0 f8476c4887b8fd07c70a7d4404ae931f990503346acec9857f905b0538217daa",
    "findings": "0 ec28adcd1976995cd85c33656e575a7d148ee18a08b0a5152db97056a5b67b81",
    "weeks": "0 83fe74da981c260bed59f11ff6a28db0149a83532f2f376f7d924f54331c43f7"
  }
};

const clock = intlZoneClock('Asia/Jakarta');
const sheets = syntheticVisits(7, 40);

test('the synthetic run covers what the digests guard: suppression, every wawasan rule but the weekly JMO alarm, surges', () => {
  expect(sheets.map((s) => s.visits.size)).toEqual([9453, 9287]);
  expect(GOLDEN.id.wawasan?.startsWith('4 ')).toBe(true);
  expect(GOLDEN.id.ds_perubahan?.startsWith('6 ')).toBe(true);
});

test('summarise output is unchanged (Indonesian, default settings)', () => {
  expect(summariesDigest(summarise(sheets, DEFAULT_SETTINGS, clock, CHECK_RUN))).toEqual(GOLDEN.id);
});

test('summarise output is unchanged (English, another peak threshold, a later today)', () => {
  const today = (sheets[0]?.visits.day.get(0) ?? 0) + 400;
  expect(summariesDigest(summarise(sheets, { ...DEFAULT_SETTINGS, peakThreshold: 1.1 }, clock, { ...CHECK_RUN, lang: 'en', today }))).toEqual(GOLDEN.en);
});
