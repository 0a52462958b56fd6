/** Small readers for MDX JSX nodes, used by the annotation plugins. */
import type {} from 'mdast-util-to-hast';
import type {} from 'mdast-util-mdx';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';

export type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

/**
 * The attributes of an annotation as plain strings. Expressions (`by={x}`) and
 * spreads are refused: annotations are data, and data must be literal.
 */
export function literalAttributes(node: JsxElement): { values: Map<string, string>; problem?: string } {
  const values = new Map<string, string>();
  for (const attribute of node.attributes) {
    if (attribute.type !== 'mdxJsxAttribute') {
      return { values, problem: `<${node.name}> takes plain attributes, not a spread ({...}).` };
    }
    if (attribute.value === null || attribute.value === undefined) {
      return { values, problem: `<${node.name}> attribute \`${attribute.name}\` needs a value in quotes, e.g. ${attribute.name}="…".` };
    }
    if (typeof attribute.value !== 'string') {
      return { values, problem: `<${node.name}> attribute \`${attribute.name}\` must be a quoted string, not an expression {…}.` };
    }
    values.set(attribute.name, attribute.value);
  }
  return { values };
}

/** Space-separated id list ("a b c" → ["a", "b", "c"]). */
export function idList(value: string | undefined): string[] {
  return value === undefined ? [] : value.split(/\s+/).filter(Boolean);
}
