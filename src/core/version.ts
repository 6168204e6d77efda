/** Shown in info_ringkasan and the sidebar; bump with every release pushed to Apps Script. */
export const VERSION = '0.1.0';
