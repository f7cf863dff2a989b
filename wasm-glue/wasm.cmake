# WebAssembly link of the core (included from CMakeLists.txt when building with emcmake).
# One OBJECT compile of src/ and wasm-glue/bind_*.cpp, linked twice:
#   ft-core-web.mjs  ES module, wasm embedded (SINGLE_FILE): bundled into dist/ft-polyfill.js and the
#                ESM build, so the one script works from http, file:// and any bundler.
#   ft-core-node.cjs CommonJS for Node (Jest, the testing kit), wasm embedded too (no fetch by path).
file(GLOB FT_BIND_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/wasm-glue/bind_*.cpp)
add_library(ftbind OBJECT ${FT_BIND_SOURCES})
target_link_libraries(ftbind PUBLIC ftcore)

set(FT_POST_JS ${CMAKE_SOURCE_DIR}/wasm-glue/post.js)
set(FT_WASM_LINK_OPTIONS
  -lembind -lidbfs.js
  -sALLOW_MEMORY_GROWTH=1
  -sMODULARIZE=1
  -sEXPORT_NAME=createFtCore
  -sSINGLE_FILE=1
  -sDYNAMIC_EXECUTION=0
  -sEXPORTED_RUNTIME_METHODS=FS
  -sNODEJS_CATCH_EXIT=0 -sNODEJS_CATCH_REJECTION=0
  -sINCOMING_MODULE_JS_API=print,printErr,onAbort,locateFile,wasmBinary
  "SHELL:--post-js ${FT_POST_JS}"
)

add_executable(ft_core_web $<TARGET_OBJECTS:ftcore> $<TARGET_OBJECTS:ftbind>)
target_link_libraries(ft_core_web PRIVATE nlohmann_json::nlohmann_json)
target_link_options(ft_core_web PRIVATE ${FT_WASM_LINK_OPTIONS} -sEXPORT_ES6=1 -sENVIRONMENT=web,worker)
set_target_properties(ft_core_web PROPERTIES OUTPUT_NAME ft-core-web SUFFIX .mjs LINK_DEPENDS ${FT_POST_JS})

add_executable(ft_core_node $<TARGET_OBJECTS:ftcore> $<TARGET_OBJECTS:ftbind>)
target_link_libraries(ft_core_node PRIVATE nlohmann_json::nlohmann_json)
target_link_options(ft_core_node PRIVATE ${FT_WASM_LINK_OPTIONS} -sENVIRONMENT=node)
set_target_properties(ft_core_node PROPERTIES OUTPUT_NAME ft-core-node SUFFIX .cjs LINK_DEPENDS ${FT_POST_JS})
