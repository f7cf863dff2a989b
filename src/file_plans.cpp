#include "file_plans.h"

#include <algorithm>
#include <cmath>

#include <nlohmann/json.hpp>

#include "js_value.h"

namespace ft {

namespace {

constexpr const char* kDocTypes[] = {"doc", "xls", "ppt", "pdf", "docx", "xlsx", "pptx"};

std::string doc_type_for_mime(std::string_view mime) {
  for (const char* t : kDocTypes)
    if (mime_for_extension(t) == mime) return t;
  return {};
}

bool is_doc_type(std::string_view t) {
  return std::any_of(std::begin(kDocTypes), std::end(kDocTypes), [&](const char* d) { return t == d; });
}

}  // namespace

Status local_img_type(const FileInfo& info, std::string_view head, std::string& mime) {
  mime = sniff_mime(head.substr(0, kSniffBytes));
  if (mime.rfind("image/", 0) == 0) return Status::Ok();
  if (!mime.empty() || info.mime.rfind("image/", 0) != 0) return Status::Fail(file_reason::kNotImage);
  mime = info.mime;
  return Status::Ok();
}

// ---- openDocument ------------------------------------------------------------------------------

Status plan_open_document(const FileRegistry& files, std::string_view file_path, std::string_view file_type,
                          OpenDocumentPlan& out) {
  out = OpenDocumentPlan{};
  std::string type(file_type);
  if (!type.empty() && !is_doc_type(type)) return Status::Fail(file_reason::kTypeNotSupported);
  const FileInfo* f = files.find(file_path);
  if (!f) return Status::Fail(file_reason::kNotFound);
  if (type.empty()) {
    for (const std::string& cand : {extension_of(f->path), extension_of(f->name), doc_type_for_mime(f->mime)}) {
      if (is_doc_type(cand)) {
        type = cand;
        break;
      }
    }
  }
  if (type.empty()) return Status::Fail(file_reason::kTypeNotSupported);
  out.file_path = f->path;
  out.file_type = type;
  out.mime = f->mime;
  out.url = f->url;
  return Status::Ok();
}

// ---- chooseImage -------------------------------------------------------------------------------

ChooseImagePlan plan_choose_image(const ChooseImageOptions& in) {
  ChooseImagePlan p;
  double c = in.count.value_or(9);
  if (std::isnan(c)) c = 9;
  c = std::floor(c);
  p.count = c < 1 || c > 9 ? 9 : static_cast<int>(c);
  if (c > 9) {
    p.check = kCountCheck;
  }
  p.multiple = p.count > 1;

  auto has = [](const std::vector<std::string>& v, const char* s) {
    return std::find(v.begin(), v.end(), s) != v.end();
  };
  bool original = true, compressed = true;
  if (in.size_type && (has(*in.size_type, "original") || has(*in.size_type, "compressed"))) {
    original = has(*in.size_type, "original");
    compressed = has(*in.size_type, "compressed");
  }
  p.compressed = compressed && !original;
  bool album = true, camera = true;
  if (in.source_type && (has(*in.source_type, "album") || has(*in.source_type, "camera"))) {
    album = has(*in.source_type, "album");
    camera = has(*in.source_type, "camera");
  }
  p.capture = camera && !album;
  return p;
}

Status plan_choose_image_json(std::string_view options_json, ChooseImagePlan& out) {
  out = ChooseImagePlan{};
  nlohmann::ordered_json o;
  Status parsed = js::parse_options(options_json, o);
  if (!parsed.ok) return parsed;
  ChooseImageOptions in;
  auto c = o.find("count");
  if (c != o.end() && !c->is_null()) {
    if (!c->is_number()) return Status::Fail(js::type_error("count", "Number", *c));
    in.count = c->get<double>();
  }
  auto list = [&o](const char* key, std::optional<std::vector<std::string>>& dst) -> Status {
    auto it = o.find(key);
    if (it == o.end() || it->is_null()) return Status::Ok();
    std::vector<std::string> v;
    if (it->is_string()) {
      v.push_back(it->get_ref<const std::string&>());
    } else if (it->is_array()) {
      for (const auto& e : *it) {
        if (!e.is_string()) return Status::Fail(js::type_error(std::string(key) + "[]", "String", e));
        v.push_back(e.get_ref<const std::string&>());
      }
    } else {
      return Status::Fail(js::type_error(key, "Array", *it));
    }
    dst = std::move(v);
    return Status::Ok();
  };
  Status st = list("sizeType", in.size_type);
  if (!st.ok) return st;
  st = list("sourceType", in.source_type);
  if (!st.ok) return st;
  out = plan_choose_image(in);
  return Status::Ok();
}

}  // namespace ft
