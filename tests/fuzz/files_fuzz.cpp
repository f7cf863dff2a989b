// libFuzzer target: the file registry's decoders (src/files.h): base64, mime sniffing, extension
// and file-name extraction, path escaping, the chooseImage options JSON, and a registry that
// saves, reads and reloads a fuzz-named file. Properties: nothing crashes; base64 and name
// escaping round-trip; saved bytes read back identical after a reload.
#include <fuzzer/FuzzedDataProvider.h>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "file_plans.h"

namespace {
std::string scratch_dir() {
  static std::string dir = [] {
    auto d = std::filesystem::temp_directory_path() / ("ft-files-fuzz-" + std::to_string(getpid()));
    return d.string();
  }();
  return dir;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  FuzzedDataProvider in(data, size);
  std::string name = in.ConsumeRandomLengthString(300);
  std::string mime = in.ConsumeRandomLengthString(64);
  std::string bytes = in.ConsumeRemainingBytesAsString();

  std::string decoded;
  if (ft::base64_decode(bytes, decoded) && ft::base64_decode(ft::base64_encode(decoded), decoded) == false)
    std::abort();
  std::string back;
  if (!ft::base64_decode(ft::base64_encode(bytes), back) || back != bytes) std::abort();

  (void)ft::sniff_mime(bytes);
  (void)ft::detect_mime(bytes, name, mime);
  (void)ft::extension_of(name);
  (void)ft::mime_for_extension(ft::extension_of(name));
  (void)ft::file_name_from_url(name);

  std::string unescaped;
  if (!name.empty() &&
      (!ft::FileRegistry::unescape_name(ft::FileRegistry::escape_name(name), unescaped) || unescaped != name))
    std::abort();
  std::string path;
  if (ft::FileRegistry::unescape_name(name, path) && ft::FileRegistry::escape_name(path) != name) std::abort();

  ft::ChooseImagePlan plan;
  (void)ft::plan_choose_image_json(bytes, plan);

  std::filesystem::remove_all(scratch_dir());
  ft::FileRegistry files(scratch_dir());
  ft::FileInfo info;
  if (files.add_temp(name, bytes.size(), name, mime, bytes.substr(0, 1024), info).ok) {
    std::string mime;
    (void)ft::local_img_type(info, bytes, mime);
    ft::OpenDocumentPlan open;
    (void)ft::plan_open_document(files, name, mime, open);
  }
  if (files.save(name, bytes, name, mime, info).ok) {
    ft::FileRegistry again(scratch_dir());
    (void)again.load();
    std::string read;
    if (!again.read(name, read).ok || read != bytes) std::abort();
  }
  return 0;
}
