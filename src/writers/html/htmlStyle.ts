import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../paths.js';
import type { HtmlTheme } from '../../theme/types.js';
import { cssString } from './htmlText.js';

/**
 * The page's style sheet, kept in one file of its own (style.css, beside this one) and read
 * from the installed folder at each build, from source and from dist/ alike (packageRoot is
 * the folder with package.json either way). A build lists it among the files it read, so a
 * change to it rebuilds every page.
 */
export const styleSheetPath = join(packageRoot, 'src', 'writers', 'html', 'style.css');

/**
 * The contents of the page's `<style>` element: the theme's colours and font as custom
 * properties on :root (the style sheet uses only `var(--brief-...)`), then style.css.
 * Throws (ENOENT and the like) when style.css cannot be read.
 */
export function htmlStyle(theme: HtmlTheme): string {
  const { colours, font } = theme;
  const family = font.family.toLowerCase() === 'arial' ? 'Arial, sans-serif' : `${cssString(font.family)}, Arial, sans-serif`;
  const properties = [
    `--brief-text: ${colours.text};`,
    `--brief-heading: ${colours.heading};`,
    `--brief-subheading: ${colours.subheading};`,
    `--brief-link: ${colours.link};`,
    `--brief-muted: ${colours.muted};`,
    `--brief-rule: ${colours.rule};`,
    `--brief-box-fill: ${colours.boxFill};`,
    `--brief-font: ${family};`,
  ];
  // Nothing in a style sheet may end the element it is in.
  const sheet = readFileSync(styleSheetPath, 'utf8').replace(/<\/(style)/gi, '<\\/$1');
  return `:root {\n  ${properties.join('\n  ')}\n}\n${sheet.trimEnd()}\n`;
}
