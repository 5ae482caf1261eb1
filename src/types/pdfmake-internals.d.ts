// pdfmake's Renderer module, which the tagging renderer replaces (see taggedRenderer.ts); it comes
// without types. Imported by its default export, which is the module's own exports object (Node's
// reading of a CommonJS module, which esbuild keeps in a package of "type": "module"), so the
// writer changes the very object pdfmake's Printer reads.
declare module 'pdfmake/js/Renderer.js' {
  const rendererModule: { default: unknown };
  export default rendererModule;
}

// pdfmake's StyleContextStack, whose property look-up styleLookups.ts replaces; read the same way.
declare module 'pdfmake/js/StyleContextStack.js' {
  const styleContextStackModule: { default: unknown };
  export default styleContextStackModule;
}

// pdfmake's PageElementWriter, whose commitUnbreakableBlock unbreakableFlow.ts replaces; read the same way.
declare module 'pdfmake/js/PageElementWriter.js' {
  const pageElementWriterModule: { default: unknown };
  export default pageElementWriterModule;
}
