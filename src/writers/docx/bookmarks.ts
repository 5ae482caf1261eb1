/** A heading id as a Word bookmark name: letters, digits and underscores, starting with a letter, at most 40 characters. */
export function bookmarkName(id: string): string {
  return `h_${id.replace(/[^A-Za-z0-9_]/g, '_')}`.slice(0, 40);
}
