/**
 * The form's validator: the editor page's Content-Security-Policy (script-src 'self', no eval)
 * forbids ajv's compiled checks, and the server checks every save with the command line's own
 * validator anyway (its problems come back as the form's errors). The form needs a validator only
 * to tell which choice of an "either" field a value is (a paragraph or a bullet list; an entry or a
 * note between entries): a check of types and required fields does that.
 */
import type { CustomValidator, ErrorSchema, RJSFSchema, ValidationData, ValidatorType } from '@rjsf/utils';

type Node = RJSFSchema & Record<string, unknown>;

function resolve(schema: Node, root: Node): Node {
  let node = schema;
  for (let i = 0; i < 20 && typeof node.$ref === 'string'; i++) {
    const { $ref, ...rest } = node;
    const target = ($ref as string)
      .replace(/^#\/?/, '')
      .split('/')
      .filter(Boolean)
      .reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key], root) as Node | undefined;
    node = { ...(target ?? {}), ...rest } as Node;
  }
  return node;
}

const typeOf = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value === 'number' ? 'number' : typeof value);

/** Whether a value fits a schema's shape: its type, required fields, no unknown fields, and a choice's options. */
export function fits(schema: Node, value: unknown, root: Node): boolean {
  const node = resolve(schema, root);
  if (value === undefined) return true;
  const type = node.type as string | undefined;
  if (type && !(type === typeOf(value) || (type === 'integer' && Number.isInteger(value)))) return false;
  if (Array.isArray(node.enum) && !node.enum.includes(value as never)) return false;
  if (typeOf(value) === 'object') {
    const object = value as Record<string, unknown>;
    const properties = (node.properties ?? {}) as Record<string, Node>;
    if (Array.isArray(node.required) && !node.required.every((key) => key in object)) return false;
    if (node.additionalProperties === false && Object.keys(object).some((key) => !(key in properties))) return false;
    if (!Object.entries(properties).every(([key, child]) => fits(child, object[key], root))) return false;
  }
  for (const key of ['anyOf', 'oneOf'] as const) {
    const options = node[key] as Node[] | undefined;
    if (options && !options.some((option) => fits(option, value, root))) return false;
  }
  return true;
}

export const shapeValidator: ValidatorType = {
  validateFormData(_formData: unknown, _schema: RJSFSchema, _custom?: CustomValidator, _transform?: unknown): ValidationData<unknown> {
    return { errors: [], errorSchema: {} as ErrorSchema };
  },
  isValid(schema: RJSFSchema, formData: unknown, rootSchema: RJSFSchema): boolean {
    return fits(schema as Node, formData, rootSchema as Node);
  },
  rawValidation<Result = unknown>(): { errors?: Result[]; validationError?: Error } {
    return {};
  },
};
