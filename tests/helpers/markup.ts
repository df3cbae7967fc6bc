/**
 * Markup with the attributes in a fixed order and runs of white space as one, so that two trees
 * compare by what the overlay's CSS and a reader see: elements, classes, attributes, words.
 */
export function canonical(element: Element): string {
  const attributes = Array.from(element.attributes)
    .map((a) => `${a.name}="${a.value}"`)
    .sort()
    .join(' ');
  const children = Array.from(element.childNodes)
    .map((node) => (node.nodeType === 1 ? canonical(node as Element) : (node.textContent ?? '')))
    .join('');
  return `<${element.tagName.toLowerCase()} ${attributes}>${children.replace(/\s+/g, ' ')}</${element.tagName.toLowerCase()}>`;
}
