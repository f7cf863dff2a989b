// Emscripten --post-js: runs inside the module factory. Expose the IndexedDB-backed file system
// under a quoted name (survives minification) so the polyfill's persistence layer can mount it.
Module['IDBFS'] = IDBFS;
