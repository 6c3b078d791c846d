/** Sample clients for a first look (lib/db/sample.ts), as a write. */
import { loadSampleData } from '../db/sample';
import { useWrite } from './write';

export function useLoadSampleData() {
  return useWrite({ mutationFn: () => loadSampleData() });
}
