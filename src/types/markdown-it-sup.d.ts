declare module 'markdown-it-sup' {
  import type { PluginSimple } from 'markdown-it';
  const markdownItSup: PluginSimple;
  export default markdownItSup;
}
