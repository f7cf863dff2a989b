// The device bindings' answers (bind_network.cpp, bind_files.cpp, bind_location.cpp), built here
// as JS values in the one convention of wire.h.
#include "file_plans.h"
#include "geo.h"
#include "request.h"
#include "wire.h"

namespace ft::wire {

namespace {

const char* body_kind_name(BodyKind k) {
  return k == BodyKind::None ? "none" : k == BodyKind::Text ? "text" : "binary";
}

val plan_fields(const RequestPlan& plan) {
  val out = ok();
  out.set("url", plan.url);
  out.set("method", plan.method);
  out.set("header", object_of(plan.headers));
  val body = val::object();
  body.set("kind", body_kind_name(plan.body_kind));
  if (plan.body_kind == BodyKind::Text) body.set("text", plan.body);
  out.set("body", body);
  out.set("timeout", plan.timeout_ms);
  out.set("decode", decode_name(plan.decode));
  return out;
}

// A failure with the "request-url" device check, when the plan asks for one.
val plan_failure(const Status& st, const RequestPlan& plan) {
  val out = fail(st);
  if (plan.check) out.set("check", plan.check);
  return out;
}

}  // namespace

val request_plan(const Status& st, const RequestPlan& plan) {
  return st.ok ? plan_fields(plan) : plan_failure(st, plan);
}

val download_plan(const Status& st, const DownloadPlan& plan) {
  if (!st.ok) return plan_failure(st, plan.request);
  val out = plan_fields(plan.request);
  if (plan.has_file_path) out.set("filePath", plan.file_path);
  return out;
}

val response(const ResponseInfo& r) {
  val out = val::object();
  out.set("statusCode", r.status_code);
  out.set("header", object_of(r.header));
  out.set("data", decode_name(r.data));
  return out;
}

val choose_image_plan(const Status& st, const ChooseImagePlan& p) {
  if (!st.ok) return fail(st);
  val out = ok();
  out.set("count", p.count);
  out.set("compressed", p.compressed);
  out.set("accept", p.accept);
  out.set("multiple", p.multiple);
  out.set("capture", p.capture);
  if (p.check) out.set("check", p.check);
  return out;
}

val file(const Status& st, const FileInfo* f) {
  if (!st.ok) return fail(st);
  val out = ok();
  out.set("path", f->path);
  out.set("url", f->url);
  out.set("mime", f->mime);
  out.set("name", f->name);
  out.set("size", static_cast<double>(f->size));
  out.set("persisted", f->persisted);
  if (f->persisted) out.set("diskPath", f->disk_path);
  return out;
}

val file_bytes(const Status& st, std::string_view data) {
  if (!st.ok) return fail(st);
  val out = ok();
  out.set("bytes", bytes(data));
  return out;
}

val mime(const Status& st, const std::string& mime) {
  if (!st.ok) return fail(st);
  val out = ok();
  out.set("mime", mime);
  return out;
}

val open_document(const Status& st, const OpenDocumentPlan& plan) {
  if (!st.ok) return fail(st);
  val out = ok();
  out.set("filePath", plan.file_path);
  out.set("fileType", plan.file_type);
  out.set("mime", plan.mime);
  out.set("url", plan.url);
  return out;
}

val location_plan(const Status& st, const GetLocationPlan& plan) {
  if (!st.ok) return fail(st);
  val out = ok();
  out.set("type", plan.type == CoordType::Gcj02 ? "gcj02" : "wgs84");
  out.set("timeout", plan.timeout_ms);
  return out;
}

val location(const Status& st, const LocationResult& r) {
  if (!st.ok) return fail(st);
  val out = ok();
  out.set("latitude", r.latitude);
  out.set("longitude", r.longitude);
  out.set("speed", r.speed);
  out.set("accuracy", r.accuracy);
  out.set("horizontalAccuracy", r.accuracy);
  out.set("verticalAccuracy", r.vertical_accuracy);
  if (r.has_altitude) out.set("altitude", r.altitude);
  return out;
}

val choose_location(const Status& st, const ChooseLocationStart& start) {
  if (!st.ok) return fail(st);
  val out = ok();
  if (start.has_latitude) out.set("latitude", start.latitude);
  if (start.has_longitude) out.set("longitude", start.longitude);
  return out;
}

}  // namespace ft::wire
