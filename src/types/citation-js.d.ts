declare module '@citation-js/core' {
  export class Cite {
    static async(data: unknown, options?: { forceType?: string }): Promise<Cite>;
    data: object[];
  }
}
declare module '@citation-js/plugin-ris';
declare module '@citation-js/plugin-bibtex';
