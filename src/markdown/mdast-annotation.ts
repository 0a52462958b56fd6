/**
 * The node the annotation plugins turn an MDX tag into: an mdast parent that
 * `mdast-util-to-hast` renders as the element named in `data.hName`. Using a
 * plain element (not a component) keeps article pages free of runtime code and
 * lets every remark-rehype pipeline, MDX or not, render it.
 */
import type {} from 'mdast-util-to-hast';
import type { Parent, PhrasingContent, Data } from 'mdast';
import type { Properties, ElementContent } from 'hast';
import type { JsxElement } from './mdx-jsx.ts';

export interface AnnotationData extends Data {
  hName: string;
  hProperties?: Properties;
  hChildren?: ElementContent[];
}

export interface Annotation extends Parent {
  type: 'annotation';
  children: PhrasingContent[];
  data: AnnotationData;
}

declare module 'mdast' {
  interface PhrasingContentMap {
    annotation: Annotation;
  }
  interface RootContentMap {
    annotation: Annotation;
  }
}

/** Turns an MDX tag in place into an element of the given name, keeping its children and position. */
export function toElement(node: JsxElement, hName: string, hProperties: Properties): Annotation {
  const replacement: Annotation = {
    type: 'annotation',
    children: node.children as PhrasingContent[],
    data: { hName, hProperties },
    ...(node.position ? { position: node.position } : {}),
  };
  // Mutating keeps the node's place in its parent, so visitors need no index bookkeeping.
  for (const key of Object.keys(node)) delete (node as unknown as Record<string, unknown>)[key];
  return Object.assign(node, replacement) as unknown as Annotation;
}
