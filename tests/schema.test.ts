import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const schema = JSON.parse(readFileSync('schema/brief.schema.json', 'utf8'));

/** Every property in the schema, as [place, its schema]; those under `if` are conditions, not fields to type. */
function properties(node: unknown, place: string, out: [string, Record<string, unknown>][] = []): [string, Record<string, unknown>][] {
  if (Array.isArray(node)) {
    for (const [i, n] of node.entries()) properties(n, `${place}/${i}`, out);
  } else if (node && typeof node === 'object') {
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
    const undocumented = props
      .filter(([place]) => !place.includes('/if/'))
      .filter(([, p]) => !resolve(p).title || !resolve(p).description)
      .map(([place]) => place);
    expect(undocumented).toEqual([]);
  });

  it('is JSON Schema 2020-12 and refuses unknown properties everywhere', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    const objects = [schema, ...Object.values(schema.$defs as Record<string, { type?: string }>).filter((d) => d.type === 'object')];
    for (const object of objects) expect(object).toHaveProperty('additionalProperties', false);
  });
});

describe('the validators npm run build compiles ahead of time', () => {
  it('are used for the shipped schemas, and find exactly what a validator compiled on the spot finds', async () => {
    const { readdirSync } = await import('node:fs');
    const { compileSchema, newAjv } = await import('../src/validate/schemaValidator.js');
    const shipped = compileSchema('schema/brief.schema.json');
    const onTheSpot = newAjv().compile(schema);
    // A validator compiled on the spot carries its ajv schema environment; standalone code has none.
    expect((onTheSpot as { schemaEnv?: unknown }).schemaEnv).toBeDefined();
    expect((shipped as { schemaEnv?: unknown }).schemaEnv).toBeUndefined();
    const fixtures = readdirSync('tests/fixtures/invalid').filter((name) => name.endsWith('.json'));
    let compared = 0;
    for (const name of fixtures) {
      let data: unknown;
      try {
        data = JSON.parse(readFileSync(`tests/fixtures/invalid/${name}`, 'utf8'));
      } catch {
        continue; // a syntax error: it never reaches the schema
      }
      const valid = shipped(data);
      expect(onTheSpot(data), name).toBe(valid);
      expect(shipped.errors, name).toEqual(onTheSpot.errors);
      if (!valid) compared++;
    }
    expect(compared).toBeGreaterThan(15);
  });

  it('are not used for a schema whose text has changed', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { compileSchema } = await import('../src/validate/schemaValidator.js');
    const edited = join(mkdtempSync(join(tmpdir(), 'brief-schema-')), 'brief.schema.json');
    writeFileSync(edited, JSON.stringify({ ...schema, required: [...schema.required, 'editedField'] }));
    const validator = compileSchema(edited);
    const brief = JSON.parse(readFileSync('briefs/peer-support-workers-2021-01.json', 'utf8'));
    expect(validator(brief)).toBe(false);
    expect(validator.errors?.map((e) => e.params)).toContainEqual({ missingProperty: 'editedField' });
  });
});
