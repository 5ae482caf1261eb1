import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const schema = JSON.parse(readFileSync('schema/brief.schema.json', 'utf8'));

/** Every property in the schema, as [place, its schema]; those under `if` are conditions, not fields to type. */
function properties(node: unknown, place: string, out: [string, Record<string, unknown>][] = []): [string, Record<string, unknown>][] {
  if (Array.isArray(node)) node.forEach((n, i) => properties(n, `${place}/${i}`, out));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'properties') for (const [name, prop] of Object.entries(value as object)) out.push([`${place}/properties/${name}`, prop]);
      properties(value, `${place}/${key}`, out);
    }
  }
  return out;
}

describe('the brief schema', () => {
  it('gives every property a title and a description, for editor completion and hover help', () => {
    const props = properties(schema, '#');
    expect(props.length).toBeGreaterThan(25);
    const resolve = (p: Record<string, unknown>) =>
      typeof p.$ref === 'string' ? { ...schema.$defs[(p.$ref as string).split('/').at(-1) as string], ...p } : p;
    const undocumented = props.filter(([place]) => !place.includes('/if/')).filter(([, p]) => !resolve(p).title || !resolve(p).description).map(([place]) => place);
    expect(undocumented).toEqual([]);
  });

  it('is JSON Schema 2020-12 and refuses unknown properties everywhere', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    const objects = [schema, ...Object.values(schema.$defs as Record<string, { type?: string }>).filter((d) => d.type === 'object')];
    for (const object of objects) expect(object).toHaveProperty('additionalProperties', false);
  });
});
