import Handlebars from 'handlebars';

/**
 * The partials a template includes, found by parsing it with Handlebars itself (not by
 * searching its text). A partial chosen at run time, {{> (name)}}, cannot be known and is skipped.
 */
export function partialsIncludedBy(source: string): string[] {
  const names = new Set<string>();
  class PartialFinder extends Handlebars.Visitor {
    override PartialStatement(partial: hbs.AST.PartialStatement): void {
      if (partial.name.type === 'PathExpression') names.add((partial.name as hbs.AST.PathExpression).original);
      super.PartialStatement(partial);
    }
    override PartialBlockStatement(partial: hbs.AST.PartialBlockStatement): void {
      if (partial.name.type === 'PathExpression') names.add((partial.name as hbs.AST.PathExpression).original);
      super.PartialBlockStatement(partial);
    }
  }
  try {
    new PartialFinder().accept(Handlebars.parse(source));
  } catch {
    // A template that does not parse includes nothing we can know; building it reports the error.
  }
  return [...names];
}
