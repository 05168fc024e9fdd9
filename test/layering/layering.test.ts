/**
 * Each fixture in fixtures/ is one wrong import or banned construct, linted as if it lived at the path
 * in its `// lint-as:` line, and must be rejected by the rule in its `// expect:` line (fixtures that
 * expect `none` prove the rules still let the right thing through). The fixtures are .txt, so neither
 * tsc nor the normal lint run sees them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const dir = join(import.meta.dirname, 'fixtures');

const fixtures = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((file) => {
    const text = readFileSync(join(dir, file), 'utf8');
    const lintAs = /^\/\/ lint-as: (\S+)$/mu.exec(text)?.[1];
    const expected = /^\/\/ expect: (\S+)$/mu.exec(text)?.[1];
    if (!lintAs || !expected) throw new Error(`${file}: needs a "// lint-as: <path>" and an "// expect: <rule id or none>" line.`);
    return { file, text, lintAs, expected };
  });

const eslint = new ESLint({ cwd: root });

describe('the layering and security lint rules', () => {
  it('have fixtures to check', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(20);
  });

  it.each(fixtures)('$file: $lintAs is answered with $expected', async ({ text, lintAs, expected }) => {
    const [result] = await eslint.lintText(text, { filePath: join(root, lintAs) });
    const messages = result?.messages ?? [];
    expect(messages.filter((m) => m.fatal)).toEqual([]);
    const rules = messages.map((m) => m.ruleId);
    if (expected === 'none') expect(messages.map((m) => `${m.ruleId}: ${m.message}`)).toEqual([]);
    else expect(rules).toContain(expected);
  });
});
