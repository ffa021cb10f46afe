/** Type tokens of this package's components: `data-platform:environment:<Type>`. */
export function componentType(type: string): string {
  return `data-platform:environment:${type}`;
}
