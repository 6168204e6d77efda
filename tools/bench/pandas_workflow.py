#!/usr/bin/env python3
"""
The pandas reference for `npm run bench`: the study's read + clean + summarise of a visit log,
written as an analyst writes it in pandas, on the same CSV the add-on's core is timed on.

    python3 tools/bench/pandas_workflow.py FILE.csv

Prints one JSON line: read_ms, clean_ms, summarise_ms, total_ms, rows, counted, peak_rss_mb.

What it does (the same steps as the add-on, vectorised):
  read       pd.read_csv, every column as text (KPJ numbers and ages keep their spelling)
  clean      visit dates in every spelling the log holds (dd/mm/yyyy, dd-mm-yyyy, yyyy-mm-dd,
             "Selasa, 6 Juni 2023", Sheets serial numbers), ages ("35 thn"), services, channels
             and topics tidied and mapped to one spelling (case, spaces, punctuation, typos),
             duplicates (same day, KPJ, service and topic), status, age group, month, week of month
  summarise the summary tabs' counts: daily and weekly visits by service and channel, week of
             month, distribution, age groups, topics, channels by age group, JMO complaints
"""
import json
import re
import resource
import sys
import time

import pandas as pd

MONTHS = {
    'januari': 1, 'jan': 1, 'februari': 2, 'feb': 2, 'pebruari': 2, 'maret': 3, 'mar': 3,
    'april': 4, 'apr': 4, 'mei': 5, 'may': 5, 'juni': 6, 'jun': 6, 'juli': 7, 'jul': 7,
    'agustus': 8, 'agu': 8, 'agt': 8, 'aug': 8, 'september': 9, 'sep': 9, 'sept': 9,
    'oktober': 10, 'okt': 10, 'oct': 10, 'november': 11, 'nov': 11, 'nop': 11,
    'desember': 12, 'des': 12, 'dec': 12,
}
SERVICES = {
    'informasi': 'Informasi', 'infromasi': 'Informasi', 'inforasi': 'Informasi', 'info': 'Informasi',
    'pengaduan': 'Pengaduan', 'pengaduaan': 'Pengaduan', 'komplain': 'Pengaduan', 'keluhan': 'Pengaduan',
    'permintaan update data': 'Permintaan Update Data', 'update data': 'Permintaan Update Data',
}
CHANNELS = {'kantor cabang': 'Kantor Cabang', 'kc': 'Kantor Cabang', 'jmo': 'JMO', 'whatsapp': 'WhatsApp', 'wa': 'WhatsApp'}
AGE_BINS = [0, 20, 30, 40, 50, 200]
AGE_LABELS = ['<20', '20-29', '30-39', '40-49', '50+']


def column(df, *names):
    """The first column whose header contains one of the words (case-insensitive)."""
    for name in names:
        for c in df.columns:
            if name in c.lower():
                return c
    return None


def tidy(s):
    """Lowercase words without punctuation or repeated spaces, as the cleaner's matching key."""
    return s.str.lower().str.replace(r'[^\w\s]', ' ', regex=True).str.split().str.join(' ')


def canonical(s, table):
    """Distinct spellings mapped once (known words, then Title Case), then broadcast back."""
    values = pd.Series(s.unique())
    keys = tidy(values)
    mapped = keys.map(table).fillna(keys.str.title())
    return s.map(dict(zip(values, mapped))).fillna('')


def parse_dates(s):
    text = s.str.strip().str.replace(r'^[A-Za-z]+,\s*', '', regex=True)
    out = pd.to_datetime(text, format='%d/%m/%Y', errors='coerce')
    for fmt in ('%d-%m-%Y', '%Y-%m-%d'):
        out = out.fillna(pd.to_datetime(text, format=fmt, errors='coerce'))
    words = text.str.lower().str.extract(r'^(\d{1,2})\s+([a-z]+)\s+(\d{4})$')
    month = words[1].map(MONTHS)
    spelled = pd.to_datetime(pd.DataFrame({'year': pd.to_numeric(words[2], errors='coerce'), 'month': month, 'day': pd.to_numeric(words[0], errors='coerce')}), errors='coerce')
    out = out.fillna(spelled)
    serial = pd.to_numeric(text.where(text.str.fullmatch(r'\d{5}')), errors='coerce')
    out = out.fillna(pd.to_datetime(serial, unit='D', origin='1899-12-30', errors='coerce'))
    return out.where((out.dt.year >= 1990) & (out.dt.year <= 2100))


def main():
    path = sys.argv[1]
    t0 = time.perf_counter()
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    t1 = time.perf_counter()

    date_col = column(df, 'tgl', 'tanggal', 'date')
    age_col = column(df, 'usia', 'umur', 'age')
    service_col = column(df, 'layanan', 'service')
    channel_col = column(df, 'kanal', 'channel')
    topic_col = column(df, 'keterangan', 'topik', 'topic')
    kpj_col = column(df, 'kpj')

    # A log without one of the columns gets it empty, as the add-on reads it.
    empty = pd.Series('', index=df.index)
    text = lambda col: df[col] if col else empty
    df['tanggal'] = parse_dates(text(date_col))
    age = pd.to_numeric(text(age_col).str.extract(r'^\s*(\d{1,3})', expand=False), errors='coerce')
    df['usia'] = age.where((age >= 10) & (age <= 100))
    df['layanan'] = canonical(text(service_col), SERVICES).replace('', 'Tidak diketahui')
    df['kanal'] = canonical(text(channel_col), CHANNELS).replace('', 'Tidak diketahui')
    df['topik'] = canonical(text(topic_col), {})
    df['kpj'] = text(kpj_col).str.replace(r'\D', '', regex=True).str.lstrip('0')
    valid = df['tanggal'].notna()
    dup = valid & df.duplicated(subset=['tanggal', 'kpj', 'layanan', 'topik']) & (df['kpj'] != '')
    df['status_bersih'] = 'OK'
    df.loc[~valid, 'status_bersih'] = 'TIDAK_VALID'
    df.loc[dup, 'status_bersih'] = 'DUPLIKAT'
    df['kelompok_usia'] = pd.cut(df['usia'], AGE_BINS, right=False, labels=AGE_LABELS).astype(str).replace('nan', 'Tidak diketahui')
    df['bulan'] = df['tanggal'].dt.strftime('%Y-%m')
    df['minggu_ke'] = ((df['tanggal'].dt.day - 1) // 7 + 1).clip(upper=5)
    t2 = time.perf_counter()

    v = df[df['status_bersih'] == 'OK']
    tabs = {
        'ds_harian': v.groupby(['tanggal', 'layanan', 'kanal']).size(),
        'ds_mingguan': v.groupby([v['tanggal'].dt.to_period('W-SUN').dt.start_time, 'layanan', 'kanal']).size(),
        'ds_minggu_bulan': v.groupby(['bulan', 'minggu_ke', 'layanan']).size(),
        'ds_distribusi': v.groupby('layanan').size() / len(v),
        'ds_usia': v.groupby(['layanan', 'kelompok_usia']).size(),
        'ds_topik': v.groupby(['layanan', 'kelompok_usia', 'topik']).size(),
        'ds_kanal': v.groupby(['layanan', 'kanal', 'kelompok_usia']).size(),
        'ds_keluhan_jmo': v[(v['layanan'] == 'Pengaduan') & v['topik'].str.contains('jmo', case=False)].groupby(['kelompok_usia', 'topik']).size(),
    }
    t3 = time.perf_counter()

    ms = lambda a, b: round((b - a) * 1000)
    print(json.dumps({
        'read_ms': ms(t0, t1),
        'clean_ms': ms(t1, t2),
        'summarise_ms': ms(t2, t3),
        'total_ms': ms(t0, t3),
        'rows': len(df),
        'counted': len(v),
        'tabs': len(tabs),
        'peak_rss_mb': round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        'pandas': pd.__version__,
    }))


if __name__ == '__main__':
    main()
