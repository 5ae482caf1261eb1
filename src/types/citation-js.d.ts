declare module '@citation-js/core' {
  export class Cite {
    static async(data: unknown, options?: { forceType?: string }): Promise<Cite>;
    data: object[];
  }
  /** citation-js's plugin registry: what brief import uses of it. */
  export const plugins: {
    input: {
      /** Every step from `data` to CSL-JSON items. */
      chain(data: unknown, options: { forceType: string; generateGraph?: boolean }): object[];
      /** One step: `data` in the type `forceType` parsed into the next type (RIS text to RIS tag objects). */
      chainLink(data: unknown, options: { forceType: string }): unknown;
    };
    config: { get(plugin: string): unknown };
  };
}
declare module '@citation-js/plugin-ris';
declare module '@citation-js/plugin-bibtex';
