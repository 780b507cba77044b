/** Vite's `?raw` suffix: a file's text as the module's default export (fixtures read by tests). */
declare module "*?raw" {
  const text: string;
  export default text;
}
