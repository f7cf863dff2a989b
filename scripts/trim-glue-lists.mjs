// What scripts/trim-glue.mjs takes out of Emscripten 3.1.6's glue (scripts/toolchain.mjs pins the
// version), with why each is unused here. A name listed and not found in the glue stops the build
// (the list is stale); a name the rest of the glue still uses is kept, with a warning.

/**
 * Members removed when nothing else in the glue names them, per object of the glue (object →
 * member → why it is unused here). The polyfill itself uses FS.mkdirTree, mount, unmount,
 * analyzePath, writeFile, utime, syncfs and IDBFS's entry functions (wasm-glue/persistence.js,
 * wasm-glue/idbfs-adapter.js).
 */
export const UNUSED = {
  FS: {
    createLazyFile: 'XHR-backed lazy files',
    forceLoadFile: 'only used by lazy files',
    createPreloadedFile: 'preloading assets at start-up',
    createDataFile: 'only used by preloading',
    createPath: 'only used by preloading',
    loadFilesFromDB: "FS's own IndexedDB import (IDBFS does the persistence)",
    saveFilesToDB: "FS's own IndexedDB export",
    DB_NAME: 'only used by loadFilesFromDB/saveFilesToDB',
    readFile: 'the core reads its files itself',
    chdir: 'no working directory changes',
    ftruncate: 'no syscall uses it in this build',
    fchmod: 'same', fchown: 'same', lchmod: 'same', lchown: 'same',
    findObject: 'not used', quit: 'not used',
    chown: 'no chown() in the core', createFile: 'not used', isSocket: 'no sockets',
  },
  SYSCALLS: {
    doReadlink: 'no readlink in the core', doAccess: 'no access()', doDup: 'no dup()', doMknod: 'no mknod()', doMsync: 'no mmap',
    get64: 'no 64-bit syscall argument in this build', DEFAULT_POLLMASK: 'no poll()',
  },
};

/**
 * Stream (and node) operations no call of the core reaches (operation → why): the wasm imports
 * no syscall that would call them, so FS's entry point, MEMFS's implementation and MEMFS's table
 * entries for them all go, together, and only when nothing else in the glue names the operation.
 */
export const UNUSED_STREAM_OPERATIONS = {
  mmap: 'no mmap() in the core (no __syscall_mmap2 import)',
  msync: 'no msync(), which only works on mmap-ed memory',
  allocate: 'no posix_fallocate() (no __syscall_fallocate import)',
  symlink: 'no symlink() in the core (no __syscall_symlink import); only the standard streams made links',
};

/**
 * Functions of the glue (top-level in its module factory) whose body is replaced, with why. The
 * core's start-up still calls them (Embind registers its built-in types), so they stay, shorter.
 */
export const STUBBED = {
  // No binding in wasm-glue/bind_*.cpp takes or returns std::wstring/u16string/u32string; a binding
  // that did would fail to register with Embind's "unbound types" error, not misbehave.
  __embind_register_std_wstring: 'function __embind_register_std_wstring(rawType, charSize, name) {}',
  // Embind's leak-check helpers on Module (getInheritedInstanceCount, getLiveInheritedInstances,
  // flushPendingDeletes, setDelayFunction): the browser builds never call them (the Node glue,
  // which the testing kit uses, keeps them).
  init_embind: 'function init_embind() {}',
  // Only smart pointers and classes with a base class convert through it; the bindings register
  // neither (every class_ in wasm-glue/bind_*.cpp is a plain class without base<>).
  genericPointerToWireType: 'function genericPointerToWireType() { throwBindingError("ft-polyfill: no smart pointers or derived classes in this build"); }',
  // Without a base class (above), it walks no class chain: what remains is exactly its answer
  // for a class that is its own upcast class.
  upcastPointer: 'function upcastPointer(ptr, ptrClass, desiredClass) { if (ptrClass !== desiredClass) throwBindingError("ft-polyfill: no derived classes in this build"); return ptr; }',
  // Without smart pointers, derived classes or instances registered by a JS subclass (above), a
  // pointer from the core becomes a new handle of its own registered pointer type.
  RegisteredPointer_fromWireType: 'function RegisteredPointer_fromWireType(ptr) { if (!ptr) { this.destructor(ptr); return null; } return makeClassHandle(this.registeredClass.instancePrototype, { ptrType: this, ptr: ptr }); }',
  // Every binding registers each name once (one function per name, one constructor per arity),
  // so Embind never builds an overload table.
  ensureOverloadTable: 'function ensureOverloadTable() { throwBindingError("ft-polyfill: no overloads in this build"); }',
  // The only start-up callbacks are functions (addOnInit's wasm constructors; nothing adds a
  // {func, arg} record, and Module.preRun/postRun are not read): each is called with Module.
  callRuntimeCallbacks: 'function callRuntimeCallbacks(callbacks) { while (callbacks.length > 0) callbacks.shift()(Module); }',
  // Every name is registered once (above): no overload table is ever made or filled.
  exposePublicSymbol: 'function exposePublicSymbol(name, value, numArguments) { if (Module.hasOwnProperty(name)) throwBindingError("Cannot register public name \'" + name + "\' twice"); Module[name] = value; if (undefined !== numArguments) Module[name].numArguments = numArguments; }',
  replacePublicSymbol: 'function replacePublicSymbol(name, value, numArguments) { if (!Module.hasOwnProperty(name)) throwInternalError("Replacing nonexistant public symbol"); Module[name] = value; Module[name].argCount = numArguments; }',
  // The polyfill calls only delete() on a handle (never clone, isAliasOf, isDeleted, deleteLater).
  init_ClassHandle: 'function init_ClassHandle() { ClassHandle.prototype["delete"] = ClassHandle_delete; }',
  // Without TTY (UNUSED_CALLS) no stream is a terminal, so every ioctl answers ENOTTY (-59), as the
  // original does for a file; a bad fd is EBADF (-8). musl's fopen (TIOCGWINSZ) is its only caller.
  ___syscall_ioctl: 'function ___syscall_ioctl(fd, op, varargs) { return FS.getStream(fd) ? -59 : -8; }',
  // Every engine the browser builds target (es2020) has globalThis: the fallbacks never run.
  emval_get_global: 'function emval_get_global() { return globalThis; }',
};

/**
 * Functions and variables of the glue (top-level in its module factory, or functions declared in
 * a top-level function) removed when nothing else in the glue names them (declaration → why it is
 * unused here).
 */
export const UNUSED_DECLARATIONS = {
  UTF16ToString: 'only std::wstring/u16string used it', stringToUTF16: 'same', lengthBytesUTF16: 'same', UTF16Decoder: 'same',
  UTF32ToString: 'only std::u32string used it', stringToUTF32: 'same', lengthBytesUTF32: 'same',
  getInheritedInstanceCount: 'only init_embind exposed it', getLiveInheritedInstances: 'same', setDelayFunction: 'same',
  getBinary: 'only getBinaryPromise used it',
  // polyfill/core-web.js compiles the embedded module and always hands it over through
  // `instantiateWasm` (REPLACED_TEXT): the glue never fetches, reads or compiles a .wasm itself.
  instantiateAsync: 'the fetch-and-compile path inside createWasm', instantiateArrayBuffer: 'same', receiveInstantiationResult: 'same',
  getBinaryPromise: 'only that path used it', isDataURI: 'only the .wasm file name used it', dataURIPrefix: 'same',
  wasmBinaryFile: 'the .wasm file name: never fetched', locateFile: 'only the .wasm file name used it',
  scriptDirectory: 'only locateFile read it (UNUSED_STATEMENTS set it)', asyncLoad: 'preloaded files only', getUniqueRunDependency: 'preloaded files only',
  ClassHandle_clone: 'only init_ClassHandle exposed it', ClassHandle_isAliasOf: 'same', ClassHandle_isDeleted: 'same', ClassHandle_deleteLater: 'same',
  shallowCopyInternalPointer: 'only clone used it',
  getInheritedInstance: 'only RegisteredPointer_fromWireType (STUBBED) used it', downcastPointer: 'same', getBasestPointer: 'only getInheritedInstance used it',
  registeredInstances: 'only getInheritedInstance read it',
  TTY: 'terminals: only the standard streams and /dev/tty used them (UNUSED_CALLS)', getRandomDevice: 'only /dev/random used it',
  intArrayFromString: 'only TTY used it',
};

/**
 * Call statements of the glue removed from the browser bundles (callee → why). With them go the
 * FS members only they used (WITHOUT_DEVICES) and TTY.
 */
export const UNUSED_CALLS = {
  'FS.createDefaultDevices': '/dev/null, /dev/tty, /dev/random, /dev/shm: the core opens no device and reads no random bytes',
  'FS.createSpecialDirectories': '/proc/self/fd: the core reads no /proc',
  // The wasm links no stdout/stderr FILE and no printf/iostream, and writes only to files it
  // opened; abort texts go through JS (printErr). Its files then take fds from 0 (open() < 0 is
  // its failure test, src/storage.cpp).
  'FS.createStandardStreams': 'stdin, stdout and stderr: the core writes to no standard stream',
  'TTY.init': 'an empty function, and TTY served only the standard streams',
};

/** FS members of the browser glue that only the UNUSED_CALLS used (member → why). */
export const WITHOUT_DEVICES = {
  createDefaultDevices: 'UNUSED_CALLS', createSpecialDirectories: 'UNUSED_CALLS', createStandardStreams: 'UNUSED_CALLS',
  createDevice: 'only the standard streams and /dev/random used it', mkdev: 'only the devices used it', makedev: 'same',
  major: 'same', minor: 'same',
  getMode: 'only createDevice used it', ioctl: 'only ___syscall_ioctl (STUBBED) used it',
};

/**
 * Exact texts of the glue replaced (text → its replacement, and why); each must occur once.
 */
export const REPLACED_TEXT = {
  // createWasm's last statement, reached only without Module.instantiateWasm, which
  // polyfill/core-web.js always passes: the start-up then fails with this error.
  'instantiateAsync().catch(readyPromiseReject);': 'readyPromiseReject(new Error("ft-polyfill: the core comes through instantiateWasm"));',
  // Emscripten's preloaded-asset maps: nothing preloads (asyncLoad and createPreloadedFile are gone).
  'Module["preloadedImages"]={};Module["preloadedAudios"]={};': '',
  // The .wasm's url, resolved at start-up and used only to fetch it.
  'wasmBinaryFile="ft-core-web.wasm";if(!isDataURI(wasmBinaryFile)){wasmBinaryFile=locateFile(wasmBinaryFile)}': '',
};

/**
 * Top-level statements of the glue's module factory removed, by how their text starts (→ why);
 * each must start exactly one statement.
 */
export const UNUSED_STATEMENTS = {
  'if(ENVIRONMENT_IS_WEB||ENVIRONMENT_IS_WORKER){': "the script's folder and the XHR readers: only the .wasm url and preloading used them",
  'var read_,readAsync,readBinary,setWindowTitle;': 'set only by that statement',
};
