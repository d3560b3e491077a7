// The shape the canonical layout follows, read from the shipped JSON Schemas: the order of the
// keys of each mapping (the order of its schema's `properties`) and what each list holds.
import { schemaFor, type FileKind } from './schemas.js';

type SchemaNode = Record<string, unknown>;

const object = (value: unknown): SchemaNode | undefined =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as SchemaNode) : undefined;

/** One place in a schema: what the keys of a mapping there are, and the schema of its children. */
export class Shape {
  constructor(private readonly root: SchemaNode, private readonly node: SchemaNode | undefined) {}

  static of(kind: FileKind): Shape {
    const root = schemaFor(kind);
    return new Shape(root, root);
  }

  /** The node itself, or where its local `$ref` ("#/$defs/pledge") points when it has no shape of its own. */
  private resolved(): SchemaNode | undefined {
    let node = this.node;
    for (let hops = 0; node && typeof node.$ref === 'string' && !node.properties && !node.items && hops < 10; hops++) {
      const name = /^#\/\$defs\/(.+)$/.exec(node.$ref)?.[1];
      node = name ? object(object(this.root.$defs)?.[name]) : undefined;
    }
    return node;
  }

  /** The keys a mapping here may have, in schema order. */
  keys(): string[] {
    return Object.keys(object(this.resolved()?.properties) ?? {});
  }

  /** The shape of the value at `key` of a mapping here. */
  property(key: string): Shape {
    return new Shape(this.root, object(object(this.resolved()?.properties)?.[key]));
  }

  /** The shape of the items of a list here. */
  items(): Shape {
    return new Shape(this.root, object(this.resolved()?.items));
  }
}
