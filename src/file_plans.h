// The plans of ft.getLocalImgData, ft.openDocument and ft.chooseImage (behaviour.md §5.4-5.6) over
// the file registry (files.h). Surface rules are the API table's (polyfill/api-table.js): its
// oneOf for openDocument's fileType is exact (lower case), and so is the check here.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "files.h"

namespace ft {

// getLocalImgData (§5.6): the <type> of "data:<type>;base64,<bytes>": sniffed from the file's
// first bytes `head` (kSniffBytes suffice), or the registered type when the bytes do not tell and
// it is image/*. Fails kNotImage otherwise. The JS builds the data URL from it and the bytes,
// without copying them into the core.
Status local_img_type(const FileInfo& info, std::string_view head, std::string& mime);

// ---- openDocument (§5.4) -----------------------------------------------------------------------

struct OpenDocumentPlan {
  std::string file_path;
  std::string file_type;  // doc xls ppt pdf docx xlsx pptx
  std::string mime;       // the registered real type
  std::string url;        // what to open (blob: URL); "" when a saved file has none attached yet
};

// `file_type` "" = infer: from the extension of the path, then of the original name, then from
// the mime type. Checks, in order: a given fileType in the list (exact: doc xls ppt pdf docx xlsx
// pptx; any other fails kTypeNotSupported, not a parameter error, §5.4), the path registered
// (kNotFound), an inferable type (kTypeNotSupported).
Status plan_open_document(const FileRegistry& files, std::string_view file_path, std::string_view file_type,
                          OpenDocumentPlan& out);

// ---- chooseImage (§5.5) ------------------------------------------------------------------------

struct ChooseImageOptions {
  std::optional<double> count;                          // absent = 9
  std::optional<std::vector<std::string>> size_type;    // absent = {original, compressed}
  std::optional<std::vector<std::string>> source_type;  // absent = {album, camera}
};

// What the JS file picker does. `count` is the maximum the JS keeps (extra picks are dropped, as
// WeChat caps at 9): a count is floored; above 9 it is 9, with a device check (§1.15, kind
// "choose-image-count"); 0, below 1 and NaN are 9 (the default) (§5.5). `compressed`: only when
// sizeType holds "compressed" and not "original" (with both, a browser has no "original" toggle,
// so the original is kept). `capture`: only when sourceType holds "camera" and not "album".
// Unknown entries are ignored; an array with no known entry counts as the default. [WX][ours]
inline constexpr const char* kCountCheck = "a device takes a count above 9 as 9; pass 1 to 9";
struct ChooseImagePlan {
  int count = 9;
  bool compressed = false;
  std::string accept = "image/*";
  bool multiple = true;  // count > 1
  bool capture = false;
  const char* check = nullptr;  // the "choose-image-count" device check's message (kCountCheck), or null
};
ChooseImagePlan plan_choose_image(const ChooseImageOptions& in);

// From options JSON {count?, sizeType?, sourceType?}: parameter errors (§1.5) for a count that
// is not a Number or a sizeType/sourceType that is not an Array (a single string is accepted as a
// one-element array) or holds non-strings.
Status plan_choose_image_json(std::string_view options_json, ChooseImagePlan& out);

}  // namespace ft
