# WebAssembly link of the core (included from CMakeLists.txt when building with emcmake).
# One compile of src/ and wasm-glue/bind_*.cpp (+ the wire: wire.cpp, wire_device.cpp, wire_host.cpp), linked twice:
#   ft-core-web.cjs + ft-core-web.wasm browsers: a module factory (no import.meta, so it bundles
#       into the classic script too); scripts/build.mjs embeds the .wasm deflate-compressed in
#       the bundles (polyfill/core-web.js inflates and compiles it, then hands the module over
#       through `instantiateWasm`).
#   ft-core-node.cjs                    Node (Jest, the testing kit): CommonJS, wasm embedded.
#
# Size (see README, benchmarks): -Oz and LTO (the core's hot paths are storage get/set, which do
# not use nlohmann; nlohmann is 2-4x slower at -Oz but only parses small host/request JSON).
# wasm-glue/libc_small.cpp replaces musl's snprintf (nlohmann formats only integers with it; musl's
# printf_core brings float formatting along): -3.3 KB gzip of ft-polyfill.js; and strtod (JS's
# Number() converts nlohmann's number tokens, exactly as musl does, without musl's 128-bit
# long-double soft-float): -7.1 KB. BINARYEN_EXTRA_PASSES: a flatten/rereloop round and -Oz again
# until the size settles, after emcc's own -Oz: -0.6 KB (a single extra -Oz: -0.25 KB).
# -fno-rtti (the core uses no typeid/dynamic_cast; Embind then names unbound types by address,
# EMSCRIPTEN_HAS_UNBOUND_TYPE_NAMES=0, formatted with libc_small's siprintf): -0.9 KB.
# libc_small's sin and cos are JS's Math.sin/Math.cos (musl's argument reduction and its 2/pi
# table are gone): -4.5 KB gzip of ft-polyfill.js.
# libc_small's strerror knows only the errno values of file calls (musl's texts): -0.4 KB.
# -sENVIRONMENT=web for the browser glue (the polyfill runs in pages, not workers); and
# scripts/trim-glue.mjs drops the glue's unused FS/SYSCALLS helpers from the browser bundles, and
# (trimWebGlue) stubs the Embind paths the bindings never take (std::wstring, smart pointers,
# derived classes, leak-check helpers) and the .wasm fetch core-web.js never needs (-1.0 KB), and
# drops the mmap/msync/allocate stream operations no imported syscall reaches (-0.3 KB), the
# devices, standard streams and TTY (-1.3 KB), the .wasm fetch path, Embind's pointer lookups and
# overload tables (-0.7 KB); scripts/build.mjs puts the embedded wasm at each bundle's start
# (-1.1 KB). -sTEXTDECODER=2 for the browser glue (TextDecoder is in every browser it runs in; no
# JS UTF-8 decoding fallback): -0.13 KB. Measured, no gain: -sPOLYFILL=0, -sSUPPORT_LONGJMP=0,
# higher -sMIN_*_VERSION, a smaller TOTAL_STACK, -fno-threadsafe-statics, -fwhole-program-vtables
# -fvirtual-function-elimination (-22 B), more wasm-opt passes (--local-cse, -O4, another
# flatten/rereloop round), zopfli --i100; -mnontrapping-fptoint -mbulk-memory -msign-ext
# -sWASM_BIGINT saves 23 B and needs Safari 15; --closure 1 (its glue is 19.4 KB gzip, the trimmed
# one 16.9 KB, and it renames the IDBFS internals the adapter reads). Bigger: -sEVAL_CTORS=1
# (+0.3 KB gzip), -Os (+0.9 KB), LTO at --lto-O1 (+4.9 KB deflated wasm).
# Memory of the Node build: 2 MB to start (growing as storage needs), 1 MB of it the stack (the
# core's deepest recursion, JSON nested kMaxDepth = 256 levels in storage and requests, runs inside
# it). Emscripten's default, 16 MB with a 5 MB stack, made every instance a 16 MB buffer: a Jest run
# of 40 test files (an instance each) took about 12% more CPU, much of it in the garbage collector.
# The browser build keeps the default (a page makes one instance).
file(GLOB FT_BIND_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/wasm-glue/bind_*.cpp)
# libc_small.cpp: smaller snprintf, strtod and strerror than musl's, for what the core asks of them
# (see "Size").
# wire.cpp, wire_device.cpp: every binding's answers as JS values; wire_host.cpp: the host's as JSON values
# (plain C++, also linked by the native host tests).
add_library(ftbind OBJECT ${FT_BIND_SOURCES} ${CMAKE_SOURCE_DIR}/wasm-glue/wire.cpp ${CMAKE_SOURCE_DIR}/wasm-glue/wire_device.cpp ${CMAKE_SOURCE_DIR}/wasm-glue/libc_small.cpp
                          ${CMAKE_SOURCE_DIR}/wasm-glue/wire_host.cpp)
target_link_libraries(ftbind PUBLIC ftcore)
set(FT_WASM_SIZE_FLAGS -Oz -flto -fno-rtti -DEMSCRIPTEN_HAS_UNBOUND_TYPE_NAMES=0)
target_compile_options(ftcore PRIVATE ${FT_WASM_SIZE_FLAGS})
target_compile_options(ftbind PRIVATE ${FT_WASM_SIZE_FLAGS})

set(FT_POST_JS ${CMAKE_SOURCE_DIR}/wasm-glue/post.js)
set(FT_WASM_LINK_OPTIONS
  ${FT_WASM_SIZE_FLAGS}
  -lembind -lidbfs.js
  -sALLOW_MEMORY_GROWTH=1
  -sMALLOC=emmalloc
  -sBINARYEN_EXTRA_PASSES=--flatten,--rereloop,-Oz,-Oz,--converge
  -sMODULARIZE=1
  -sEXPORT_NAME=createFtCore
  -sDYNAMIC_EXECUTION=0
  -sEXPORTED_RUNTIME_METHODS=FS
  -sNODEJS_CATCH_EXIT=0 -sNODEJS_CATCH_REJECTION=0
  -sINCOMING_MODULE_JS_API=print,printErr,onAbort,locateFile,wasmBinary,instantiateWasm
  "SHELL:--post-js ${FT_POST_JS}"
)

add_executable(ft_core_web $<TARGET_OBJECTS:ftcore> $<TARGET_OBJECTS:ftbind>)
target_link_libraries(ft_core_web PRIVATE nlohmann_json::nlohmann_json)
target_link_options(ft_core_web PRIVATE ${FT_WASM_LINK_OPTIONS} -sENVIRONMENT=web -sTEXTDECODER=2)
set_target_properties(ft_core_web PROPERTIES OUTPUT_NAME ft-core-web SUFFIX .cjs LINK_DEPENDS ${FT_POST_JS})

add_executable(ft_core_node $<TARGET_OBJECTS:ftcore> $<TARGET_OBJECTS:ftbind>)
target_link_libraries(ft_core_node PRIVATE nlohmann_json::nlohmann_json)
target_link_options(ft_core_node PRIVATE ${FT_WASM_LINK_OPTIONS} -sSINGLE_FILE=1 -sENVIRONMENT=node -sTOTAL_STACK=1048576 -sINITIAL_MEMORY=2097152)
set_target_properties(ft_core_node PROPERTIES OUTPUT_NAME ft-core-node SUFFIX .cjs LINK_DEPENDS ${FT_POST_JS})
