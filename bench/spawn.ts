import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { CorpusSpec } from './corpus/types.ts';

/** Runs bench/<script> in a fresh node (its own heap, caches and RSS) and returns its JSON line. */
export function runChild<T>(script: string, spec: CorpusSpec, work: string, extra: string[] = [], nodeFlags: string[] = []): Promise<T> {
  const file = fileURLToPath(new URL(script, import.meta.url));
  const args = [
    ...nodeFlags,
    '--expose-gc',
    '--import',
    'tsx',
    file,
    '--corpus',
    spec.corpus,
    '--n',
    String(spec.n),
    '--gcide',
    spec.gcideDir,
    '--enwiki',
    spec.enwikiPath,
    '--work',
    work,
    ...extra,
  ];
  return new Promise((resolve, reject) => {
    // Children log to our stderr as they go; stdout carries only their one JSON line.
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => (out += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const line = out.trim().split('\n').at(-1) ?? '';
      if (code !== 0) return reject(new Error(`${script} ${extra.join(' ')} exited with ${code}`));
      try {
        resolve(JSON.parse(line) as T);
      } catch {
        reject(new Error(`${script} printed no JSON line: ${line.slice(0, 200)}`));
      }
    });
  });
}
