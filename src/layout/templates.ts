import { readdirSync, readFileSync } from 'node:fs';
import { join, basename } from 'node:path';
import Handlebars from 'handlebars';
import { displayPath } from '../diagnostics/displayPath.js';
import { createInlineMarkdown } from '../richtext/inlineMarkup.js';
import { partialsIncludedBy } from './templateDependencies.js';
import { explainHandlebarsError, TemplateError } from './templateError.js';

/** A compiled template that names its own file in any error it raises. */
type Render = (context: unknown, options?: Handlebars.RuntimeOptions) => string;

/**
 * How deep partials may be included inside partials (the shipped layout goes 3 deep). Deeper is
 * a partial that includes itself, directly or through others: Handlebars would recurse until
 * the process ran out of stack or, indenting each level's output, of memory (an abort).
 */
export const MAX_PARTIAL_DEPTH = 32;

/**
 * The Handlebars side of layout: partials and layouts from templates/, compiled once and kept,
 * in strict mode (a field the data lacks is an error) with default escaping (text from a brief
 * never becomes markup). `rich` renders a brief's inline markup through markdown-it, whose
 * output is escaped HTML apart from the few tags it makes.
 */
export class Templates {
  private readonly handlebars = Handlebars.create();
  private readonly layouts = new Map<string, Render>();
  private readonly patterns = new Map<string, Render>();
  /** Each partial's file and the partials it includes, for dependency tracking. */
  private readonly partials = new Map<string, { path: string; includes: string[] }>();
  /** The partials being rendered inside one another now, outermost first. */
  private readonly rendering: { name: string; path: string }[] = [];

  constructor(readonly root: string) {
    const markdown = createInlineMarkdown();
    this.handlebars.registerHelper('rich', (text: unknown) => new Handlebars.SafeString(markdown.renderInline(String(text))));
    // Handlebars passes its options object as the last argument of every helper.
    const values = (args: unknown[]) => args.slice(0, -1);
    this.handlebars.registerHelper('eq', (...args: unknown[]) => values(args).every((v, _, all) => v === all[0]));
    this.handlebars.registerHelper('or', (...args: unknown[]) => values(args).some(Boolean));
    this.handlebars.registerHelper('and', (...args: unknown[]) => values(args).every(Boolean));
    const partials = join(root, 'partials');
    for (const name of readdirSync(partials)
      .filter((n) => n.endsWith('.hbs'))
      .sort()) {
      const path = join(partials, name);
      const source = readFileSync(path, 'utf8');
      this.partials.set(basename(name, '.hbs'), { path, includes: partialsIncludedBy(source) });
      this.handlebars.registerPartial(basename(name, '.hbs'), this.partial(basename(name, '.hbs'), path, source));
    }
  }

  /** Render a layout (templates/layouts/<name>.hbs) with a view. Throws TemplateError. */
  render(layout: string, view: unknown): string {
    let render = this.layouts.get(layout);
    if (!render) {
      const path = this.layoutPath(layout);
      let source: string;
      try {
        source = readFileSync(path, 'utf8');
      } catch {
        throw new TemplateError(displayPath(path), `there is no layout "${layout}": no such file`);
      }
      render = this.compile(path, source);
      this.layouts.set(layout, render);
    }
    return render(view);
  }

  /**
   * The files a layout is made of: its own file and every partial it includes, directly or
   * through other partials. A brief using the layout must be rebuilt when any of them changes.
   */
  filesOf(layout: string): string[] {
    const path = this.layoutPath(layout);
    const files = new Set<string>([path]);
    let source = '';
    try {
      source = readFileSync(path, 'utf8');
    } catch {
      return [...files];
    }
    const pending = partialsIncludedBy(source);
    const seen = new Set<string>();
    while (pending.length > 0) {
      const name = pending.pop() as string;
      if (seen.has(name)) continue;
      seen.add(name);
      const partial = this.partials.get(name);
      // A missing partial is a dependency too: creating it must rebuild the briefs that include it.
      files.add(partial?.path ?? join(this.root, 'partials', `${name}.hbs`));
      pending.push(...(partial?.includes ?? []));
    }
    return [...files];
  }

  private layoutPath(layout: string): string {
    return join(this.root, 'layouts', `${layout}.hbs`);
  }

  /**
   * Compile a small pattern, such as a theme's running header, with the same rules (once per
   * text, not per build). Its output is text, not markup, so it is not escaped here: the layout
   * that places it escapes it, once (escaping it here too printed "&amp;" for "&").
   */
  pattern(file: string, source: string): Render {
    const key = `${file}\u0000${source}`;
    let render = this.patterns.get(key);
    if (!render) {
      render = this.compile(file, source, { noEscape: true });
      this.patterns.set(key, render);
    }
    return render;
  }

  /** A partial, compiled, that refuses to be rendered more than MAX_PARTIAL_DEPTH partials deep, naming the one that includes itself. */
  private partial(name: string, path: string, source: string): Render {
    const render = this.compile(path, source);
    return (context: unknown, options?: Handlebars.RuntimeOptions) => {
      if (this.rendering.length >= MAX_PARTIAL_DEPTH) {
        const names = this.rendering.map((p) => p.name);
        const first = this.rendering.find((p, i) => names.indexOf(p.name, i + 1) > 0) ?? { name, path };
        const cycle = names.slice(names.indexOf(first.name), names.indexOf(first.name, names.indexOf(first.name) + 1) + 1);
        throw new TemplateError(
          displayPath(first.path),
          `the partial "${first.name}" includes itself (${cycle.join(' > ')}), so it would never end: take that {{> ...}} out`,
        );
      }
      this.rendering.push({ name, path });
      try {
        return render(context, options);
      } finally {
        this.rendering.pop();
      }
    };
  }

  private compile(path: string, source: string, options: { noEscape?: boolean } = {}): Render {
    const file = displayPath(path);
    let template: HandlebarsTemplateDelegate;
    try {
      template = this.handlebars.compile(source, { strict: true, ...options });
    } catch (error) {
      throw explainHandlebarsError(error, file, source);
    }
    // Handlebars compiles lazily: syntax errors surface on first use, so both are caught here.
    return (context: unknown, options?: Handlebars.RuntimeOptions) => {
      try {
        return template(context, options);
      } catch (error) {
        throw explainHandlebarsError(error, file, source);
      }
    };
  }
}
