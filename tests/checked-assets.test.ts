import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkedAssets } from '../src/engine/checkedAssets.js';
import { loadTheme } from '../src/theme/loadTheme.js';
import { compileSchema } from '../src/validate/schemaValidator.js';

const font = readFileSync('templates/themes/hee/fonts/Arimo-Regular.ttf');

describe('theme files remembered as checked', () => {
  it('remembers exactly these bytes for exactly this program', () => {
    const folder = join(mkdtempSync(join(tmpdir(), 'brief-checked-')), 'checked-assets');
    const checked = checkedAssets(folder, 'program-one');
    expect(checked.passed(font)).toBe(false);
    checked.remember(font);
    expect(checked.passed(font)).toBe(true);
    // One byte changed, or another build of brief: checked in full again.
    const changed = Buffer.from(font);
    changed[1000] = (changed[1000] as number) ^ 1;
    expect(checked.passed(changed)).toBe(false);
    expect(checkedAssets(folder, 'program-two').passed(font)).toBe(false);
  });

  it('remembers nothing, and fails nothing, where it cannot write', () => {
    // A folder inside a file: no one can create it, root included.
    const file = join(mkdtempSync(join(tmpdir(), 'brief-checked-')), 'a-file');
    writeFileSync(file, '');
    const checked = checkedAssets(join(file, 'checked-assets'), 'program');
    expect(() => checked.remember(font)).not.toThrow();
    expect(checked.passed(font)).toBe(false);
  });

  it("is told of a theme's fonts and logo only once they have all passed", async () => {
    const folder = join(mkdtempSync(join(tmpdir(), 'brief-checked-')), 'checked-assets');
    const loaded = await loadTheme('templates', 'hee', compileSchema('schema/theme.schema.json'), process.cwd(), checkedAssets(folder, 'p'));
    expect(loaded.ok).toBe(true);
    expect(readdirSync(folder).length).toBe(5);
    // And a second load, from the memory, gives the same theme.
    const again = await loadTheme('templates', 'hee', compileSchema('schema/theme.schema.json'), process.cwd(), checkedAssets(folder, 'p'));
    expect(again.ok && loaded.ok && again.theme.fontData.normal.equals(loaded.theme.fontData.normal)).toBe(true);
  });

  it('remembers nothing of a theme whose logo is damaged, though its fonts are good', async () => {
    const root = mkdtempSync(join(tmpdir(), 'brief-checked-theme-'));
    cpSync('templates', join(root, 'templates'), { recursive: true });
    const logo = join(root, 'templates', 'themes', 'hee', 'images', 'logo.png');
    writeFileSync(logo, readFileSync(logo).subarray(0, 2000));
    const folder = join(root, 'checked-assets');
    const loaded = await loadTheme(join(root, 'templates'), 'hee', compileSchema('schema/theme.schema.json'), process.cwd(), checkedAssets(folder, 'p'));
    expect(loaded.ok).toBe(false);
    expect(existsSync(folder) ? readdirSync(folder) : []).toEqual([]);
  });
});
