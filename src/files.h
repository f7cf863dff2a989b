// Files the page handles through ft.downloadFile, ft.chooseImage, ft.getLocalImgData and
// ft.openDocument (behaviour.md §5.4-5.6): a registry from the path the page sees to what the file
// is and the on-disk form of saved files (types and base64: file_types.h; the openDocument,
// chooseImage and getLocalImgData plans: file_plans.h).
//
// Path scheme [ours]:
//   * Temporary files (downloadFile without filePath, chooseImage) stay in the browser as Blobs.
//     The JS makes a blob: URL (URL.createObjectURL) and registers it; that blob: URL IS the
//     tempFilePath the page gets, so `<img src=path>`, `fetch(path)` and `window.open(path)` work
//     with no mapping. The core keeps only metadata (size, real mime type, original name); the
//     bytes never enter wasm memory unless the JS passes them (getLocalImgData). Temp files last
//     as long as the page (blob: URLs die with the document), as WeChat's temp files do.
//   * Saved files (downloadFile with `filePath`) persist. The path the page gets is its own
//     `filePath`, unchanged (§5.4 "filePath consistent with the provided filePath"). The bytes are
//     written with FILE* I/O to <dir>/files/<escaped filePath> in the storage mount (IDBFS in the
//     browser), where escaping keeps [A-Za-z0-9._-] (a leading '.' excepted) and writes every other
//     byte as %XX (upper-case hex). The JS attaches a blob: URL to the path with set_url() so it can
//     hand it to <img>/fetch; after a reload, load() lists the saved files again and the JS makes
//     new blob: URLs for them. Writes go through "<name>~" + rename, and the file's mtime is moved
//     forward when a rewrite lands in the same millisecond (IDBFS compares mtimes).
//   * The saved total is capped at 200 MB [WX: the 200 MB local-file limit]:
//     "the maximum size of the file storage limit is exceeded" [WXobs], nothing written.
//
// Types: the real type comes from the bytes (PNG, JPEG, GIF, WebP, BMP, SVG text, PDF; ZIP and OLE
// containers only as a hint), then a specific declared type (Content-Type, Blob.type), then the
// extension of the name, then "application/octet-stream". getLocalImgData gives
// "data:<real image type>;base64,<bytes>" (§5.6).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "file_types.h"
#include "reasons.h"
#include "result.h"

namespace ft {

namespace file_reason {
inline constexpr const char* kNotFound = reason::kFileNotFound;
inline constexpr const char* kStorageFull = "the maximum size of the file storage limit is exceeded";
inline constexpr const char* kBadPath = "parameter error: invalid filePath";
inline constexpr const char* kPathTooLong = "parameter error: filePath is too long";
inline constexpr const char* kBadUrl = "parameter error: invalid temp file url";
inline constexpr const char* kWriteFailed = "write file failed";
inline constexpr const char* kReadFailed = "read file failed";
inline constexpr const char* kNotImage = "file is not an image";
inline constexpr const char* kNotSaved = "file bytes are not held by the core";  // temp file read
inline constexpr const char* kTypeNotSupported = "filetype not supported";
}  // namespace file_reason

// ---- registry ----------------------------------------------------------------------------------

struct FileInfo {
  std::string path;        // what the page sees (blob: URL for temp files, filePath for saved ones)
  std::string url;         // blob: URL to use for <img>/fetch (== path for temp; set_url for saved)
  std::string mime;        // real type
  std::string name;        // original name ("" when unknown)
  std::uint64_t size = 0;  // bytes
  bool persisted = false;
  std::string disk_path;  // saved files: where the bytes are (FS.readFile-able); "" for temp
};

struct FileLimits {
  std::uint64_t max_saved_bytes = 200ull * 1024 * 1024;  // all saved files together
  std::size_t max_path_bytes = 1024;                     // filePath / temp url / name
  std::size_t max_escaped_name = 240;                    // file-name limit on disk
};

// The size a temp file is registered with, from the JS's Blob size: not finite or negative → 0,
// above 2^53 - 1 → 2^53 - 1 (JS's largest exact integer).
std::uint64_t clamp_file_size(double size);

class FileRegistry {
 public:
  // `dir`: the storage mount folder for this appId; saved files live in <dir>/files.
  explicit FileRegistry(std::string dir, FileLimits limits = {});

  // Lists <dir>/files and (re)registers every saved file found (urls already attached to paths
  // that still exist are kept). Temp files are untouched. Returns one warning per entry skipped
  // (a name that is not a canonical escape, a non-regular file, an unreadable file).
  std::vector<std::string> load();

  // Registers a temp file: `url` is the blob: URL the JS made (non-empty, no control characters,
  // at most max_path_bytes; "blob:" and "data:" urls expected). `head`: the first bytes (up to
  // 1024 suffice). Registering the same url again replaces its entry.
  Status add_temp(std::string_view url, std::uint64_t size, std::string_view name, std::string_view declared_mime,
                  std::string_view head, FileInfo& out);

  // Saves `bytes` under the page's `file_path` (non-empty valid UTF-8 without control characters,
  // not a blob:/data: url, at most max_path_bytes, escaped name at most max_escaped_name),
  // replacing an earlier file of that path. Fails with kStorageFull when the saved total would
  // exceed the cap, kWriteFailed on I/O errors; then nothing changes.
  Status save(std::string_view file_path, std::string_view bytes, std::string_view name, std::string_view declared_mime,
              FileInfo& out);

  // The bytes of a saved file (kNotSaved for a temp file, kNotFound for an unknown path).
  Status read(std::string_view path, std::string& bytes) const;

  // Attaches the blob: URL the JS made for a saved file (temp files: only the same url accepted).
  Status set_url(std::string_view path, std::string_view url);

  const FileInfo* find(std::string_view path) const;  // nullptr when unknown
  Status remove(std::string_view path);               // deletes a saved file's bytes too
  std::vector<FileInfo> list() const;                 // every file, sorted by path
  std::uint64_t saved_bytes() const { return saved_bytes_; }

  // <dir>/files/<escaped path>.
  std::string disk_path_of(std::string_view file_path) const;

  static std::string escape_name(std::string_view path);
  static bool unescape_name(std::string_view name, std::string& path);  // canonical escapes only

 private:
  std::string dir_;
  FileLimits limits_;
  std::map<std::string, FileInfo, std::less<>> files_;
  std::uint64_t saved_bytes_ = 0;
};

}  // namespace ft
