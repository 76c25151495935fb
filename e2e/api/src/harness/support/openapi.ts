/** The parts of Madang's OpenAPI description (GET /api/docs-json) the harness generates requests from. */
export interface Schema {
  type?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: (string | number)[];
  nullable?: boolean;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  format?: string;
  example?: unknown;
  default?: unknown;
  description?: string;
  $ref?: string;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  schema: Schema;
}

export interface Operation {
  /** "METHOD /api/path/{param}" — the key of the route × role table. */
  key: string;
  method: string;
  path: string;
  params: Parameter[];
  body?: { contentType: string; schema: Schema; required: boolean };
  /** No security requirement in the description: the route says @Public(). */
  public: boolean;
}

interface OpenApiDocument {
  paths: Record<string, Record<string, RawOperation>>;
  components?: { schemas?: Record<string, Schema> };
}
interface RawOperation {
  parameters?: { name: string; in: Parameter['in']; required?: boolean; schema?: Schema }[];
  requestBody?: { required?: boolean; content: Record<string, { schema: Schema }> };
  security?: unknown[];
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** Replaces every $ref with the schema it names (the DTO graph has no cycles). */
function resolve(schema: Schema, components: Record<string, Schema>, depth = 0): Schema {
  if (depth > 20) return {};
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    return resolve(components[name] ?? {}, components, depth + 1);
  }
  const out: Schema = { ...schema };
  if (schema.properties)
    out.properties = Object.fromEntries(
      Object.entries(schema.properties).map(([k, v]) => [k, resolve(v, components, depth + 1)]),
    );
  if (schema.items) out.items = resolve(schema.items, components, depth + 1);
  return out;
}

export function operationsOf(doc: unknown): Operation[] {
  const document = doc as OpenApiDocument;
  const components = document.components?.schemas ?? {};
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const raw = item[method];
      if (!raw) continue;
      const content = raw.requestBody ? Object.entries(raw.requestBody.content)[0] : undefined;
      operations.push({
        key: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        params: (raw.parameters ?? []).map((p) => ({
          name: p.name,
          in: p.in,
          required: p.required === true || p.in === 'path',
          schema: resolve(p.schema ?? {}, components),
        })),
        body: content
          ? {
              contentType: content[0],
              schema: resolve(content[1].schema, components),
              required: raw.requestBody?.required === true,
            }
          : undefined,
        public: !raw.security || raw.security.length === 0,
      });
    }
  }
  return operations.sort((a, b) => a.key.localeCompare(b.key));
}

export async function fetchOperations(baseUrl: string): Promise<Operation[]> {
  const response = await fetch(`${baseUrl}/api/docs-json`);
  if (response.status !== 200) throw new Error(`GET /api/docs-json answered ${response.status}`);
  return operationsOf(await response.json());
}
