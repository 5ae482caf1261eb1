// pdfmake's TextInlines and LayoutBuilder, whose measure and buildNextLine softHyphens.ts wraps;
// read as pdfmake-internals.d.ts reads the others (the module's own exports object).
declare module 'pdfmake/js/TextInlines.js' {
  const textInlinesModule: { default: unknown };
  export default textInlinesModule;
}

declare module 'pdfmake/js/LayoutBuilder.js' {
  const layoutBuilderModule: { default: unknown };
  export default layoutBuilderModule;
}
