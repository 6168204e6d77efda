/** The regional opt-in's settings. */
import { DEFAULT_REGIONAL_SETTINGS, validateRegionalSettings } from '../../../src/core/regional/settings';

test('regional settings: off by default, checked when turned on', () => {
  expect(DEFAULT_REGIONAL_SETTINGS.enabled).toBe(false);
  expect(validateRegionalSettings({ enabled: true, projectId: 'bpjs-regional', branchCode: 'KC042' })).toMatchObject({ enabled: true, dataset: 'pola_regional', table: 'kunjungan' });
  expect(() => validateRegionalSettings({ enabled: true, projectId: 'bpjs-regional', branchCode: 'KC 042' })).toThrow('regional.branchCode');
  expect(() => validateRegionalSettings({ enabled: true, projectId: 'bpjs-regional', branchCode: 'KC042', table: 'a;DROP' })).toThrow('regional.table');
});
