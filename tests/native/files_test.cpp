// File registry, types, base64, openDocument and chooseImage checks (behaviour.md §5.4-5.6).
#include "file_plans.h"

#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>

namespace ft {
namespace {

const std::string kPng = std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
const std::string kJpeg = std::string("\xFF\xD8\xFF\xE0\0\x10JFIF", 10);
const std::string kGif = "GIF89a\x01\x00\x01\x00";
const std::string kWebp = std::string("RIFF\x24\0\0\0WEBPVP8 ", 16);
const std::string kBmp = std::string("BM\x46\0\0\0\0\0\0\0\x36\0\0\0\x28\0\0\0", 18);
const std::string kPdf = "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n";
const std::string kZip = std::string("PK\x03\x04\x14\0\0\0", 8);
const std::string kCfb = std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0", 10);

class TempDir {
 public:
  TempDir() {
    char tmpl[] = "/tmp/ft-files-XXXXXX";
    path_ = mkdtemp(tmpl);
  }
  ~TempDir() { std::system(("rm -rf '" + path_ + "'").c_str()); }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// ---- base64 --------------------------------------------------------------------------------------

TEST(Base64, Rfc4648Vectors) {
  EXPECT_EQ(base64_encode(""), "");
  EXPECT_EQ(base64_encode("f"), "Zg==");
  EXPECT_EQ(base64_encode("fo"), "Zm8=");
  EXPECT_EQ(base64_encode("foo"), "Zm9v");
  EXPECT_EQ(base64_encode("foob"), "Zm9vYg==");
  EXPECT_EQ(base64_encode("fooba"), "Zm9vYmE=");
  EXPECT_EQ(base64_encode("foobar"), "Zm9vYmFy");
  EXPECT_EQ(base64_encode(std::string("\xFF\xFE\0", 3)), "//4A");
  EXPECT_EQ(base64_encode("\xFB\xEF"), "++8=");
}

TEST(Base64, RoundTripAllBytesAndLengths) {
  std::string all;
  for (int i = 0; i < 256; ++i) all += static_cast<char>(i);
  for (std::size_t n = 0; n <= all.size(); n += 1) {
    std::string in = all.substr(0, n), out;
    ASSERT_TRUE(base64_decode(base64_encode(in), out)) << n;
    EXPECT_EQ(out, in);
  }
}

TEST(Base64, DecodeRejectsMalformed) {
  std::string out;
  EXPECT_FALSE(base64_decode("Zg=", out));
  EXPECT_FALSE(base64_decode("Z===", out));
  EXPECT_FALSE(base64_decode("Zm9v!A==", out));
  EXPECT_FALSE(base64_decode("Zh==", out));      // non-zero padding bits
  EXPECT_FALSE(base64_decode("Zg==Zg==", out));  // padding in the middle
  EXPECT_TRUE(base64_decode("", out));
  EXPECT_TRUE(out.empty());
}

// ---- types ---------------------------------------------------------------------------------------

TEST(Sniff, MagicBytes) {
  EXPECT_EQ(sniff_mime(kPng), "image/png");
  EXPECT_EQ(sniff_mime(kJpeg), "image/jpeg");
  EXPECT_EQ(sniff_mime(kGif), "image/gif");
  EXPECT_EQ(sniff_mime("GIF87a"), "image/gif");
  EXPECT_EQ(sniff_mime(kWebp), "image/webp");
  EXPECT_EQ(sniff_mime(kBmp), "image/bmp");
  EXPECT_EQ(sniff_mime(kPdf), "application/pdf");
  EXPECT_EQ(sniff_mime(kZip), "application/zip");
  EXPECT_EQ(sniff_mime(kCfb), "application/x-cfb");
  EXPECT_EQ(sniff_mime("<svg xmlns=\"http://www.w3.org/2000/svg\"/>"), "image/svg+xml");
  EXPECT_EQ(sniff_mime("\xEF\xBB\xBF\n <?xml version=\"1.0\"?>\n<!DOCTYPE svg>\n<!-- c -->\n<SVG>"), "image/svg+xml");
}

TEST(Sniff, NotFooledByLookalikes) {
  EXPECT_EQ(sniff_mime(""), "");
  EXPECT_EQ(sniff_mime("\x89PN"), "");
  EXPECT_EQ(sniff_mime("\xFF\xD8"), "");
  EXPECT_EQ(sniff_mime("RIFF\x24\0\0\0WAVEfmt "), "");
  EXPECT_EQ(sniff_mime("BM hello world, not a bitmap"), "");
  EXPECT_EQ(sniff_mime("<html><body>svg</body></html>"), "");
  EXPECT_EQ(sniff_mime("<svgfoo>"), "");
  EXPECT_EQ(sniff_mime(std::string("<svg\0>", 6)), "");
  EXPECT_EQ(sniff_mime("hello"), "");
}

TEST(Types, ExtensionsAndDetection) {
  EXPECT_EQ(extension_of("a/b.tar.GZ?x=1.png#y.jpg"), "gz");
  EXPECT_EQ(extension_of("https://h/dir.v2/file"), "");
  EXPECT_EQ(extension_of("name."), "");
  EXPECT_EQ(extension_of(""), "");
  EXPECT_EQ(mime_for_extension("JPG"), "image/jpeg");
  EXPECT_EQ(mime_for_extension("docx"), "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  EXPECT_EQ(mime_for_extension("nope"), "");
  // Bytes win over a wrong name and a wrong declared type.
  EXPECT_EQ(detect_mime(kPng, "photo.jpg", "image/jpeg"), "image/png");
  // Containers: the specific declared type or extension refines the sniffed container.
  EXPECT_EQ(detect_mime(kZip, "report.xlsx", ""), mime_for_extension("xlsx"));
  EXPECT_EQ(detect_mime(kZip, "x", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
            mime_for_extension("pptx"));
  EXPECT_EQ(detect_mime(kZip, "a.png", ""), "application/zip");
  EXPECT_EQ(detect_mime(kCfb, "old.DOC", ""), "application/msword");
  // No magic: specific declared type, then extension, then octet-stream.
  EXPECT_EQ(detect_mime("hello", "a.txt", "Text/HTML; charset=utf-8"), "text/html");
  EXPECT_EQ(detect_mime("hello", "a.txt", "application/octet-stream"), "text/plain");
  EXPECT_EQ(detect_mime("hello", "a", "garbage"), "application/octet-stream");
  EXPECT_EQ(detect_mime("", "", ""), "application/octet-stream");
}

TEST(Types, FileNameFromUrl) {
  EXPECT_EQ(file_name_from_url("https://h/a/b%20c.pdf?q=1#f"), "b c.pdf");
  EXPECT_EQ(file_name_from_url("https://h/a/"), "");
  EXPECT_EQ(file_name_from_url("https://h/%E4%B8%AD.png"), "\xE4\xB8\xAD.png");
  EXPECT_EQ(file_name_from_url("https://h/bad%zz.png"), "bad%zz.png");
  EXPECT_EQ(file_name_from_url("https://h/bad%FF.png"), "bad%FF.png");
  EXPECT_EQ(file_name_from_url("https://h/nl%0A.png"), "nl%0A.png");
  EXPECT_EQ(file_name_from_url("https://h/end%"), "end%");
}

// ---- registry: temp files ------------------------------------------------------------------------

TEST(Registry, TempFileIsItsBlobUrl) {
  TempDir d;
  FileRegistry reg(d.path());
  FileInfo info;
  ASSERT_TRUE(reg.add_temp("blob:http://127.0.0.1/1234", 3000, "cat.jpg", "image/jpeg", kPng, info).ok);
  EXPECT_EQ(info.path, "blob:http://127.0.0.1/1234");
  EXPECT_EQ(info.url, info.path);
  EXPECT_EQ(info.mime, "image/png");  // the real type, not the name's
  EXPECT_EQ(info.size, 3000u);
  EXPECT_FALSE(info.persisted);
  const FileInfo* f = reg.find("blob:http://127.0.0.1/1234");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->name, "cat.jpg");
  EXPECT_EQ(reg.find("blob:http://127.0.0.1/other"), nullptr);
  std::string bytes;
  EXPECT_EQ(reg.read(info.path, bytes).reason, file_reason::kNotSaved);
  EXPECT_EQ(reg.read("nope", bytes).reason, file_reason::kNotFound);
  EXPECT_EQ(reg.saved_bytes(), 0u);
}

TEST(Registry, TempUrlChecks) {
  TempDir d;
  FileRegistry reg(d.path());
  FileInfo info;
  EXPECT_EQ(reg.add_temp("", 1, "", "", "", info).reason, file_reason::kBadUrl);
  EXPECT_EQ(reg.add_temp("blob:a\nb", 1, "", "", "", info).reason, file_reason::kBadUrl);
  EXPECT_EQ(reg.add_temp(std::string(5000, 'a'), 1, "", "", "", info).reason, file_reason::kBadUrl);
  EXPECT_EQ(reg.add_temp("blob:\xFF", 1, "", "", "", info).reason, file_reason::kBadUrl);
  // Name cleaned: control characters removed, invalid UTF-8 replaced.
  ASSERT_TRUE(reg.add_temp("blob:x", 1, "a\nb\xFF.png", "", "", info).ok);
  EXPECT_EQ(info.name, "ab\xEF\xBF\xBD.png");
  EXPECT_EQ(info.mime, "image/png");  // from the extension when nothing else tells
}

TEST(Registry, SetUrlAndRemove) {
  TempDir d;
  FileRegistry reg(d.path());
  FileInfo info;
  ASSERT_TRUE(reg.add_temp("blob:t", 1, "", "", "", info).ok);
  EXPECT_EQ(reg.set_url("blob:t", "blob:other").reason, file_reason::kBadUrl);
  EXPECT_TRUE(reg.set_url("blob:t", "blob:t").ok);
  EXPECT_EQ(reg.set_url("missing", "blob:z").reason, file_reason::kNotFound);
  EXPECT_TRUE(reg.remove("blob:t").ok);
  EXPECT_EQ(reg.find("blob:t"), nullptr);
  EXPECT_EQ(reg.remove("blob:t").reason, file_reason::kNotFound);
}

// ---- registry: saved files -----------------------------------------------------------------------

TEST(Registry, EscapeNames) {
  EXPECT_EQ(FileRegistry::escape_name("ftfile://usr/a b.pdf"), "ftfile%3A%2F%2Fusr%2Fa%20b.pdf");
  EXPECT_EQ(FileRegistry::escape_name(".."), "%2E.");
  EXPECT_EQ(FileRegistry::escape_name("\xE4\xB8\xAD"), "%E4%B8%AD");
  std::string back;
  EXPECT_TRUE(FileRegistry::unescape_name("ftfile%3A%2F%2Fusr%2Fa%20b.pdf", back));
  EXPECT_EQ(back, "ftfile://usr/a b.pdf");
  EXPECT_FALSE(FileRegistry::unescape_name("a%2fb", back));  // lower-case hex: not canonical
  EXPECT_FALSE(FileRegistry::unescape_name("%41", back));    // 'A' needs no escape
  EXPECT_FALSE(FileRegistry::unescape_name("a%2", back));
  EXPECT_FALSE(FileRegistry::unescape_name("a b", back));
  EXPECT_FALSE(FileRegistry::unescape_name("", back));
  EXPECT_FALSE(FileRegistry::unescape_name(".hidden", back));
}

TEST(Registry, SaveWritesBytesAndSurvivesReload) {
  TempDir d;
  std::string bytes = kPdf + std::string(5000, '\0') + "tail";
  {
    FileRegistry reg(d.path());
    FileInfo info;
    ASSERT_TRUE(reg.save("ftfile://usr/docs/r\xC3\xA9sum\xC3\xA9.pdf", bytes, "", "application/pdf", info).ok);
    EXPECT_EQ(info.path, "ftfile://usr/docs/r\xC3\xA9sum\xC3\xA9.pdf");
    EXPECT_TRUE(info.persisted);
    EXPECT_EQ(info.size, bytes.size());
    EXPECT_EQ(info.mime, "application/pdf");
    EXPECT_EQ(info.name, "r\xC3\xA9sum\xC3\xA9.pdf");
    EXPECT_EQ(info.disk_path, d.path() + "/files/ftfile%3A%2F%2Fusr%2Fdocs%2Fr%C3%A9sum%C3%A9.pdf");
    EXPECT_TRUE(info.url.empty());
    struct stat st;
    ASSERT_EQ(stat(info.disk_path.c_str(), &st), 0);
    EXPECT_EQ(static_cast<std::size_t>(st.st_size), bytes.size());
    EXPECT_TRUE(reg.set_url(info.path, "blob:made-by-js").ok);
    EXPECT_EQ(reg.find(info.path)->url, "blob:made-by-js");
  }
  FileRegistry again(d.path());
  EXPECT_TRUE(again.load().empty());
  const FileInfo* f = again.find("ftfile://usr/docs/r\xC3\xA9sum\xC3\xA9.pdf");
  ASSERT_NE(f, nullptr);
  EXPECT_TRUE(f->persisted);
  EXPECT_EQ(f->size, bytes.size());
  EXPECT_EQ(f->mime, "application/pdf");
  EXPECT_TRUE(f->url.empty());  // a new page makes a new blob: URL
  EXPECT_EQ(again.saved_bytes(), bytes.size());
  std::string read;
  ASSERT_TRUE(again.read(f->path, read).ok);
  EXPECT_EQ(read, bytes);
  EXPECT_EQ(again.list().size(), 1u);
}

TEST(Registry, LoadKeepsAttachedUrlsAndSkipsStrangers) {
  TempDir d;
  FileRegistry reg(d.path());
  FileInfo info;
  ASSERT_TRUE(reg.save("p/a.png", kPng, "", "", info).ok);
  ASSERT_TRUE(reg.set_url("p/a.png", "blob:u").ok);
  ASSERT_TRUE(reg.add_temp("blob:tmp", 4, "", "", "", info).ok);
  // A stray file, an interrupted write and a folder in files/.
  std::FILE* f = std::fopen((d.path() + "/files/not canonical").c_str(), "wb");
  ASSERT_NE(f, nullptr);
  std::fclose(f);
  f = std::fopen((d.path() + "/files/x~").c_str(), "wb");
  std::fclose(f);
  mkdir((d.path() + "/files/dir").c_str(), 0777);
  std::vector<std::string> warnings = reg.load();
  EXPECT_EQ(warnings.size(), 2u);  // "not canonical" and "dir"; "x~" silently ignored
  ASSERT_NE(reg.find("p/a.png"), nullptr);
  EXPECT_EQ(reg.find("p/a.png")->url, "blob:u");
  EXPECT_NE(reg.find("blob:tmp"), nullptr);  // temp files untouched by load
  EXPECT_EQ(reg.find("dir"), nullptr);
}

TEST(Registry, ReplaceAndRemoveSavedFile) {
  TempDir d;
  FileRegistry reg(d.path());
  FileInfo info;
  ASSERT_TRUE(reg.save("f.bin", "12345", "", "", info).ok);
  ASSERT_TRUE(reg.save("f.bin", "12", "", "", info).ok);
  EXPECT_EQ(reg.saved_bytes(), 2u);
  std::string read;
  ASSERT_TRUE(reg.read("f.bin", read).ok);
  EXPECT_EQ(read, "12");
  std::string disk = reg.disk_path_of("f.bin");
  ASSERT_TRUE(reg.remove("f.bin").ok);
  EXPECT_EQ(reg.saved_bytes(), 0u);
  struct stat st;
  EXPECT_NE(stat(disk.c_str(), &st), 0);
}

TEST(Registry, RewriteMovesMtimeForward) {
  TempDir d;
  FileRegistry reg(d.path());
  FileInfo info;
  ASSERT_TRUE(reg.save("m", "a", "", "", info).ok);
  struct stat a, b;
  ASSERT_EQ(stat(info.disk_path.c_str(), &a), 0);
  ASSERT_TRUE(reg.save("m", "b", "", "", info).ok);
  ASSERT_EQ(stat(info.disk_path.c_str(), &b), 0);
  auto ms = [](const struct stat& s) { return s.st_mtim.tv_sec * 1000LL + s.st_mtim.tv_nsec / 1000000; };
  EXPECT_GT(ms(b), ms(a));
}

TEST(Registry, SavePathChecks) {
  TempDir d;
  FileRegistry reg(d.path());
  FileInfo info;
  EXPECT_EQ(reg.save("", "x", "", "", info).reason, file_reason::kBadPath);
  EXPECT_EQ(reg.save("a\nb", "x", "", "", info).reason, file_reason::kBadPath);
  EXPECT_EQ(reg.save("\xFF", "x", "", "", info).reason, file_reason::kBadPath);
  EXPECT_EQ(reg.save("BLOB:x", "x", "", "", info).reason, file_reason::kBadPath);
  EXPECT_EQ(reg.save("data:x", "x", "", "", info).reason, file_reason::kBadPath);
  EXPECT_EQ(reg.save(std::string(2000, 'a'), "x", "", "", info).reason, file_reason::kPathTooLong);
  EXPECT_EQ(reg.save(std::string(100, '/'), "x", "", "", info).reason, file_reason::kPathTooLong);  // 300 escaped
  ASSERT_TRUE(reg.add_temp("tmp-path", 1, "", "", "", info).ok);
  EXPECT_EQ(reg.save("tmp-path", "x", "", "", info).reason, file_reason::kBadPath);
  EXPECT_EQ(reg.list().size(), 1u);
}

TEST(Registry, StorageCapIsEnforcedAndNothingWritten) {
  TempDir d;
  FileLimits limits;
  limits.max_saved_bytes = 10;
  FileRegistry reg(d.path(), limits);
  FileInfo info;
  ASSERT_TRUE(reg.save("a", "123456", "", "", info).ok);
  EXPECT_EQ(reg.save("b", "12345", "", "", info).reason, file_reason::kStorageFull);
  EXPECT_EQ(reg.find("b"), nullptr);
  struct stat st;
  EXPECT_NE(stat(reg.disk_path_of("b").c_str(), &st), 0);
  // Replacing a file counts its new size only.
  EXPECT_TRUE(reg.save("a", "1234567890", "", "", info).ok);
  EXPECT_EQ(reg.saved_bytes(), 10u);
}

TEST(Registry, WriteFailureReported) {
  FileRegistry reg("/proc/definitely/not/writable");
  FileInfo info;
  EXPECT_EQ(reg.save("a", "1", "", "", info).reason, file_reason::kWriteFailed);
  EXPECT_EQ(reg.find("a"), nullptr);
  EXPECT_TRUE(reg.load().empty());  // missing folder: nothing saved, no warning
}

// ---- getLocalImgData -----------------------------------------------------------------------------

TEST(LocalImgData, UsesRealType) {
  FileInfo info;
  info.mime = "image/jpeg";  // what the name said
  std::string mime;
  ASSERT_TRUE(local_img_type(info, kPng, mime).ok);
  EXPECT_EQ(mime, "image/png");
  ASSERT_TRUE(local_img_type(info, kGif, mime).ok);
  EXPECT_EQ(mime, "image/gif");
  ASSERT_TRUE(local_img_type(info, "<svg/>", mime).ok);
  EXPECT_EQ(mime, "image/svg+xml");
}

TEST(LocalImgData, FallsBackOrFails) {
  FileInfo info;
  info.mime = "image/heic";
  std::string mime;
  ASSERT_TRUE(local_img_type(info, "unknown bytes", mime).ok);  // registered image type
  EXPECT_EQ(mime, "image/heic");
  EXPECT_EQ(local_img_type(info, kPdf, mime).reason, file_reason::kNotImage);  // bytes say PDF
  info.mime = "text/plain";
  EXPECT_EQ(local_img_type(info, "hello", mime).reason, file_reason::kNotImage);
}

// ---- openDocument --------------------------------------------------------------------------------

TEST(OpenDocument, ChecksTypeAndPath) {
  TempDir d;
  FileRegistry reg(d.path());
  FileInfo info;
  ASSERT_TRUE(reg.add_temp("blob:pdf", 10, "", "application/pdf", kPdf, info).ok);
  ASSERT_TRUE(reg.add_temp("blob:xlsx", 10, "sheet.XLSX", "", kZip, info).ok);
  ASSERT_TRUE(reg.add_temp("blob:txt", 10, "a.txt", "", "hello", info).ok);
  ASSERT_TRUE(reg.save("usr/report.docx", kZip, "", "", info).ok);
  OpenDocumentPlan p;

  ASSERT_TRUE(plan_open_document(reg, "blob:pdf", "", p).ok);  // from the mime type
  EXPECT_EQ(p.file_type, "pdf");
  EXPECT_EQ(p.url, "blob:pdf");
  ASSERT_TRUE(plan_open_document(reg, "blob:xlsx", "", p).ok);  // from the original name
  EXPECT_EQ(p.file_type, "xlsx");
  ASSERT_TRUE(plan_open_document(reg, "usr/report.docx", "", p).ok);  // from the path
  EXPECT_EQ(p.file_type, "docx");
  EXPECT_EQ(p.url, "");
  ASSERT_TRUE(plan_open_document(reg, "blob:txt", "pdf", p).ok);  // given type wins
  EXPECT_EQ(p.file_type, "pdf");
  // Exact; any other given type is not supported (§5.4: not a parameter error).
  EXPECT_EQ(plan_open_document(reg, "blob:txt", "PDF", p).reason, file_reason::kTypeNotSupported);
  for (const char* t : {"doc", "xls", "ppt", "pdf", "docx", "xlsx", "pptx"})
    EXPECT_TRUE(plan_open_document(reg, "blob:pdf", t, p).ok) << t;

  EXPECT_EQ(plan_open_document(reg, "blob:pdf", "txt", p).reason, file_reason::kTypeNotSupported);
  EXPECT_EQ(std::string(file_reason::kTypeNotSupported), "filetype not supported");
  EXPECT_EQ(plan_open_document(reg, "blob:missing", "pdf", p).reason, file_reason::kNotFound);
  EXPECT_EQ(plan_open_document(reg, "blob:missing", "exe", p).reason, file_reason::kTypeNotSupported);
  EXPECT_EQ(plan_open_document(reg, "", "", p).reason, file_reason::kNotFound);
  EXPECT_EQ(plan_open_document(reg, "blob:txt", "", p).reason, file_reason::kTypeNotSupported);
}

// ---- chooseImage ---------------------------------------------------------------------------------

ChooseImagePlan choose(const std::string& json) {
  ChooseImagePlan p;
  Status st = plan_choose_image_json(json, p);
  EXPECT_TRUE(st.ok) << json << " -> " << st.reason;
  return p;
}

TEST(ChooseImage, Defaults) {
  ChooseImagePlan p = choose("{}");
  EXPECT_EQ(p.count, 9);
  EXPECT_FALSE(p.compressed);
  EXPECT_EQ(p.accept, "image/*");
  EXPECT_TRUE(p.multiple);
  EXPECT_FALSE(p.capture);
}

TEST(ChooseImage, CountAbove9Is9WithADeviceCheckAnd0Is9) {
  EXPECT_EQ(choose(R"({"count":1})").count, 1);
  EXPECT_FALSE(choose(R"({"count":1})").multiple);
  EXPECT_EQ(choose(R"({"count":3})").count, 3);
  EXPECT_EQ(choose(R"({"count":9})").count, 9);
  EXPECT_EQ(choose(R"({"count":9})").check, nullptr);
  EXPECT_EQ(choose(R"({"count":20})").count, 9);
  EXPECT_STREQ(choose(R"({"count":20})").check, kCountCheck);
  EXPECT_EQ(choose(R"({"count":9.5})").check, nullptr);  // floored first
  EXPECT_EQ(choose(R"({"count":0})").count, 9);
  EXPECT_EQ(choose(R"({"count":0})").check, nullptr);
  EXPECT_EQ(choose(R"({"count":-4})").count, 9);
  EXPECT_EQ(choose(R"({"count":2.9})").count, 2);
  EXPECT_EQ(choose(R"({"count":1e300})").count, 9);
  EXPECT_STREQ(choose(R"({"count":1e300})").check, kCountCheck);
  EXPECT_EQ(choose(R"({"count":null})").count, 9);
  ChooseImageOptions o;
  o.count = std::numeric_limits<double>::quiet_NaN();
  EXPECT_EQ(plan_choose_image(o).count, 9);
}

TEST(ChooseImage, SizeAndSourceTypes) {
  EXPECT_TRUE(choose(R"({"sizeType":["compressed"]})").compressed);
  EXPECT_FALSE(choose(R"({"sizeType":["original"]})").compressed);
  EXPECT_FALSE(choose(R"({"sizeType":["original","compressed"]})").compressed);
  EXPECT_FALSE(choose(R"({"sizeType":[]})").compressed);
  EXPECT_FALSE(choose(R"({"sizeType":["weird"]})").compressed);
  EXPECT_TRUE(choose(R"({"sizeType":"compressed"})").compressed);
  EXPECT_TRUE(choose(R"({"sourceType":["camera"]})").capture);
  EXPECT_FALSE(choose(R"({"sourceType":["album"]})").capture);
  EXPECT_FALSE(choose(R"({"sourceType":["album","camera"]})").capture);
  EXPECT_TRUE(choose(R"({"sourceType":["camera","camera","x"]})").capture);
  EXPECT_FALSE(choose(R"({"sourceType":[]})").capture);
}

TEST(ChooseImage, ParameterErrors) {
  ChooseImagePlan p;
  EXPECT_EQ(plan_choose_image_json(R"({"count":"3"})", p).reason,
            "parameter error: parameter.count should be Number instead of String;");
  EXPECT_EQ(plan_choose_image_json(R"({"sizeType":{}})", p).reason,
            "parameter error: parameter.sizeType should be Array instead of Object;");
  EXPECT_EQ(plan_choose_image_json(R"({"sourceType":[1]})", p).reason,
            "parameter error: parameter.sourceType[] should be String instead of Number;");
  EXPECT_EQ(plan_choose_image_json("nope", p).reason, "parameter error: options should be Object");
  EXPECT_EQ(plan_choose_image_json(std::string(10000, '['), p).reason,
            "parameter error: options are nested too deeply");
}

}  // namespace
}  // namespace ft
