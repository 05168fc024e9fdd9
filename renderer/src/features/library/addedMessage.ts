import type { FilesAdded } from '../../../../common/contract';
import { formatCount } from '../../app/format';

export const NONE: FilesAdded = { files: [], folders: [], refused: [] };

/** The outcomes of several uploads as one. */
export function mergeAdded(a: FilesAdded, b: FilesAdded): FilesAdded {
  return { files: [...a.files, ...b.files], folders: [...a.folders, ...b.folders], refused: [...a.refused, ...b.refused] };
}

const list = (names: string[]) => (names.length <= 3 ? names.join(', ') : `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`);

/** One message for what an add did: what came in, what was there already, and why anything was refused. */
export function describeAdded(r: FilesAdded): { tone: 'info' | 'error'; text: string } {
  const parts: string[] = [];
  const fresh = r.files.filter((f) => f.isNew).map((f) => f.name);
  const known = r.files.filter((f) => !f.isNew).map((f) => f.name);
  if (fresh.length > 0) parts.push(`Added ${formatCount(fresh.length, 'file')} to the Offprint library: ${list(fresh)}.`);
  if (known.length > 0) parts.push(`Already in the Offprint library: ${list(known)}.`);
  for (const root of r.folders) parts.push(`Adding ${root}… its articles appear as they are indexed.`);
  for (const x of r.refused) parts.push(x.reason.includes(x.name) ? `Not added: ${x.reason}` : `Not added: ${x.name}: ${x.reason}`);
  if (parts.length === 0) return { tone: 'info', text: 'Nothing was added.' };
  const isAllRefused = r.files.length === 0 && r.folders.length === 0;
  return { tone: isAllRefused ? 'error' : 'info', text: parts.join(' ') };
}
