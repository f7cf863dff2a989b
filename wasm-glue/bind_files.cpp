// Embind binding of the page's files (src/files.h registry, src/file_types.h, src/file_plans.h;
// behaviour.md §5.4-5.6): downloadFile's storage, chooseImage, getLocalImgData, openDocument.
// It only binds: answers as wire.h builds them (wire_device.cpp). Bytes go in as Uint8Array (Embind copies them into a
// std::string: pass only what the core needs, e.g. a file's head) and come out as a fresh
// Uint8Array.
//
//   chooseImagePlan(optionsJson)  {count?, sizeType?, sourceType?}
//                                 → {ok, count, compressed, accept, multiple, capture, check?}
//                                 (check: the "choose-image-count" device check message, §5.5)
//   sniffMime(head, name, declared) → the real mime type (file_types.h detect_mime)
//
// class FileRegistry(dir)         dir: the app's folder in the storage mount (saved files in dir/files)
//   load()                        → [warning text] (one per saved file skipped; stat() finds the rest)
//   addTemp(url, size, name, mime, head)  url: the blob: URL; size: Blob.size (clamp_file_size)
//                                 → {ok, ...info}
//   save(filePath, name, mime, bytes) → {ok, ...info}  (the JS syncs the mount after)
//   setUrl(path, url)             → {ok}
//   stat(path)                    → {ok, ...info}
//   read(path)                    → {ok, bytes: Uint8Array} of a saved file
//   localImgType(path, head)      head: the file's first bytes → {ok, mime} (file_plans.h)
//   openDocument(filePath, fileType)  fileType "" = infer → {ok, filePath, fileType, mime, url}
//   info = {path, url, mime, name, size, persisted, diskPath?}
#include <emscripten/bind.h>

#include "file_plans.h"
#include "wire.h"

namespace {

using emscripten::val;

val choose_image_plan(const std::string& options) {
  ft::ChooseImagePlan p;
  ft::Status st = ft::plan_choose_image_json(options, p);
  return ft::wire::choose_image_plan(st, p);
}

std::string sniff_mime(const std::string& head, const std::string& name, const std::string& declared) {
  return ft::detect_mime(head, name, declared);
}

class FileRegistryBinding {
 public:
  explicit FileRegistryBinding(std::string dir) : files_(std::move(dir)) {}

  val load() { return ft::wire::strings(files_.load()); }

  val add_temp(const std::string& url, double size, const std::string& name, const std::string& mime,
               const std::string& head) {
    ft::FileInfo info;
    ft::Status st = files_.add_temp(url, ft::clamp_file_size(size), name, mime, head, info);
    return ft::wire::file(st, &info);
  }

  val save(const std::string& path, const std::string& name, const std::string& mime, const std::string& bytes) {
    ft::FileInfo info;
    ft::Status st = files_.save(path, bytes, name, mime, info);
    return ft::wire::file(st, &info);
  }

  val set_url(const std::string& path, const std::string& url) { return ft::wire::status(files_.set_url(path, url)); }

  val stat(const std::string& path) const {
    const ft::FileInfo* f = files_.find(path);
    return ft::wire::file(f ? ft::Status::Ok() : ft::Status::Fail(ft::file_reason::kNotFound), f);
  }

  val read(const std::string& path) const {
    std::string bytes;
    ft::Status st = files_.read(path, bytes);
    return ft::wire::file_bytes(st, bytes);
  }

  val local_img_type(const std::string& path, const std::string& head) const {
    const ft::FileInfo* f = files_.find(path);
    if (!f) return ft::wire::fail(ft::file_reason::kNotFound);
    std::string mime;
    ft::Status st = ft::local_img_type(*f, head, mime);
    return ft::wire::mime(st, mime);
  }

  val open_document(const std::string& path, const std::string& type) const {
    ft::OpenDocumentPlan plan;
    ft::Status st = ft::plan_open_document(files_, path, type, plan);
    return ft::wire::open_document(st, plan);
  }

 private:
  ft::FileRegistry files_;
};

}  // namespace

EMSCRIPTEN_BINDINGS(ft_files) {
  using emscripten::function;
  function("chooseImagePlan", &choose_image_plan);
  function("sniffMime", &sniff_mime);

  emscripten::class_<FileRegistryBinding>("FileRegistry")
      .constructor<std::string>()
      .function("load", &FileRegistryBinding::load)
      .function("addTemp", &FileRegistryBinding::add_temp)
      .function("save", &FileRegistryBinding::save)
      .function("setUrl", &FileRegistryBinding::set_url)
      .function("stat", &FileRegistryBinding::stat)
      .function("read", &FileRegistryBinding::read)
      .function("localImgType", &FileRegistryBinding::local_img_type)
      .function("openDocument", &FileRegistryBinding::open_document);
}
