import type { ImportKey } from './import.types';

/** The console's English messages for the import screens; spread into en.ts. */
export const importEn: Record<ImportKey, string> = {
  'ph.import': 'import',
};
