// Types for scripts/build-node.mjs (plain JavaScript, so the launchers in bin/ run without TypeScript).

export interface Manifest {
  built: string;
  ms: number;
  /** Path relative to the root → [mtimeMs, size] when built ([0, 0]: changed during the build, check again). */
  inputs: Record<string, [number, number]>;
  /** Files written, relative to the output folder. */
  outputs: string[];
  /** Each .js output's size and imports: chunks by file name, packages by name; `lazy` are import() calls. */
  graph: Record<string, { bytes: number; imports: string[]; lazy: string[] }>;
}

export interface BuildOptions {
  root?: string;
  outDir?: string;
  /** Output name → entry file. */
  entries?: Record<string, string>;
}

export const ROOT: string;
export const OUT_DIR: string;
export function entryPoints(root?: string): Record<string, string>;
export function readManifest(outDir?: string): Manifest | null;
export function isFresh(options?: { root?: string; outDir?: string }): boolean;
export function build(options?: BuildOptions): Promise<Manifest>;
export function ensureBuilt(): Promise<void>;
export function runCompiled(name: string, options?: { sourceMaps?: boolean }): Promise<void>;
