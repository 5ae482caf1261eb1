import { pdfmakeModule } from './pdfmakeModules.js';

/** A style property's value (pdfmake counts null and undefined as no value). */
type StyleValue = unknown;

/** The parts of pdfmake's StyleContextStack this reads: what its getProperty walks. */
export interface StyleStack {
  styleOverrides: (string | Record<string, StyleValue>)[];
  defaultStyle?: Record<string, StyleValue> | null;
}

/** What a property is asked of: a node or a word (pdfmake's plain strings too). */
type StyleItem = string | Record<string, StyleValue>;
export type GetStyleProperty = (item: StyleItem, stack: StyleStack | null | undefined, property: string, defaultValue: StyleValue) => StyleValue;

interface StyleContextStackClass {
  getStyleProperty: GetStyleProperty;
}

/** pdfmake's StyleContextStack class: its callers look getStyleProperty up on it at each call. */
export const styleContextStack = pdfmakeModule<StyleContextStackClass>('StyleContextStack').default;

/** pdfmake's own look-up, as the module had it before anything was installed. */
export const pdfmakeGetStyleProperty = styleContextStack.getStyleProperty;

let installed = false;

/**
 * pdfmake asks some twenty-five style properties of every word it measures (its font, colour,
 * decoration, link...), through StyleContextStack.getStyleProperty. For each question that the
 * word does not answer itself, that pushes the word onto the style stack and makes two new
 * functions to walk it: about a quarter of all the memory a build allocates, and a matching
 * share of the garbage collector's work. This asks the same questions in the same order without
 * allocating: the word, then the nodes around it (innermost first), then the default style.
 *
 * Named styles are the exception, handed to pdfmake's own look-up: the writer gives pdfmake
 * none (see pdfStyles.ts), so that path is only a safety net.
 * The answers are the same either way; tests/pdf-internals.test.ts compares the two on random
 * stacks, and fails if pdfmake's class no longer has the method.
 */
export function installStyleLookups(): void {
  if (installed) return;
  if (typeof pdfmakeGetStyleProperty !== 'function') throw new Error('pdfmake has changed: StyleContextStack.getStyleProperty is gone (see styleLookups.ts)');
  styleContextStack.getStyleProperty = styleLookup(pdfmakeGetStyleProperty);
  installed = true;
}

/** The look-up that asks without allocating; `original` answers what it leaves to pdfmake. */
export function styleLookup(original: GetStyleProperty): GetStyleProperty {
  return function getStyleProperty(this: unknown, item, stack, property, defaultValue) {
    const own = (item as Record<string, StyleValue>)[property];
    if (own !== undefined && own !== null) return own;
    if (!stack) return defaultValue;
    // A word with named styles of its own, or a named style on the stack: pdfmake's own walk.
    if (typeof item !== 'string' && item.style && item.section === undefined) return original.call(this, item, stack, property, defaultValue);
    const overrides = stack.styleOverrides;
    for (let i = overrides.length - 1; i >= 0; i--) {
      const override = overrides[i] as (typeof overrides)[number];
      if (typeof override === 'string') return original.call(this, item, stack, property, defaultValue);
      const value = override[property];
      if (value !== undefined && value !== null) return value;
    }
    const fallback = stack.defaultStyle?.[property];
    return fallback !== undefined && fallback !== null ? fallback : defaultValue;
  };
}
