// Embind binding of ft::Storage for the polyfill (polyfill/core-wire/storage.js, the one JS that
// calls it). It only binds; every answer is built by wire.h. Those that can fail:
//   get(key)                  -> {ok: true, type, payload} | {ok: false, reason} ("data not found")
//   set(key, type, payload)   -> {ok: true, op} | {ok: false, reason}: a refused write says why in
//                                the same crossing
// and those that can not: remove(key), clear() -> the op id (> 0); load() -> [warning];
// refresh() -> the report; flush(), compact() -> {ok, reason?, durableThrough, ...}; info();
// dirty(); unsaved() -> the unsaved-writes record (src/storage_record.h); confirm(through);
// replay(record) -> the console lines of the writes it could not make.
#include <emscripten/bind.h>

#include "storage.h"
#include "wire.h"

namespace {

using emscripten::val;
using ft::Storage;
using Text = const std::string&;

val load(Storage& s) { return ft::wire::warnings(s.load()); }
val refresh(Storage& s) { return ft::wire::refresh(s.refresh()); }
val get(const Storage& s, Text key) { return ft::wire::stored(s.get(key)); }
val set(Storage& s, Text key, Text type, Text payload) { return ft::wire::write(s.set(key, type, payload)); }
std::uint32_t remove_key(Storage& s, Text key) { return s.remove(key).op; }
std::uint32_t clear(Storage& s) { return s.clear().op; }
val info(const Storage& s) { return ft::wire::info(s.info()); }
val flush(Storage& s) { return ft::wire::flush(s.flush()); }
val compact(Storage& s) { return ft::wire::flush(s.compact()); }
std::string replay(Storage& s, Text record) { return s.replay(record); }

}  // namespace

EMSCRIPTEN_BINDINGS(ft_storage) {
  emscripten::class_<Storage>("Storage")
      .constructor<std::string>()
      .function("load", &load)
      .function("refresh", &refresh)
      .function("get", &get)
      .function("set", &set)
      .function("remove", &remove_key)
      .function("clear", &clear)
      .function("info", &info)
      .function("dirty", &Storage::dirty)
      .function("flush", &flush)
      .function("compact", &compact)
      .function("unsaved", &Storage::unsaved_record)
      .function("confirm", &Storage::confirm)
      .function("replay", &replay);
}
