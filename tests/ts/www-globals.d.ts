// What www/start.js (a classic script) leaves for the page's modules.
declare var tirkeuStart: {
  /** The module, compiled while the document was parsed, or undefined. */
  compiledModule: Promise<WebAssembly.Module | undefined>;
  /** The response for a preloaded URL (a clone each time). */
  request(url: string): Promise<Response>;
};
