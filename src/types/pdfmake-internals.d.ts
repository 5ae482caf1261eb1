// pdfmake's own modules whose classes src/writers/pdf/engine/ adjusts; they come without types.
// Each is read through pdfmakeModule() (engine/pdfmakeModules.ts), which types what it gives.
declare module 'pdfmake/js/LayoutBuilder.js' {
  const exports: unknown;
  export default exports;
}
declare module 'pdfmake/js/PageElementWriter.js' {
  const exports: unknown;
  export default exports;
}
declare module 'pdfmake/js/Renderer.js' {
  const exports: unknown;
  export default exports;
}
declare module 'pdfmake/js/StyleContextStack.js' {
  const exports: unknown;
  export default exports;
}
declare module 'pdfmake/js/TextInlines.js' {
  const exports: unknown;
  export default exports;
}
