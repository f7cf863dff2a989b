// behaviour.md §4.1, §4.3-§4.6: message buffer, listener sets, native handlers, load timeout.
#include "events.h"

#include <gtest/gtest.h>

namespace ft {
namespace {

using json = nlohmann::ordered_json;

TEST(MessageBuffer, DataFieldOrWholeObject) {
  MessageBuffer b;
  ASSERT_TRUE(b.post(R"({"data":"foo"})").ok);
  ASSERT_TRUE(b.post(R"({"data":{"foo":"bar"}})").ok);
  ASSERT_TRUE(b.post(R"({"someKey":"foo"})").ok);
  ASSERT_TRUE(b.post(R"({"data":null})").ok);
  ASSERT_TRUE(b.post(R"([1,2])").ok);
  EXPECT_EQ(b.size(), 5u);
  EXPECT_EQ(dump_json(b.flush()), R"(["foo",{"foo":"bar"},{"someKey":"foo"},null,[1,2]])");
  EXPECT_TRUE(b.empty());
  EXPECT_EQ(dump_json(b.flush()), "[]");
}

TEST(MessageBuffer, BadInputAddsNothing) {
  MessageBuffer b;
  EXPECT_EQ(b.post("{").reason, events_reason::kBadJson);
  EXPECT_EQ(b.post("").reason, events_reason::kBadJson);
  EXPECT_EQ(b.post(std::string(100000, '[')).reason, events_reason::kTooDeep);
  EXPECT_TRUE(b.empty());
}

TEST(MessageBuffer, KeepsKeyOrderAndUnicode) {
  MessageBuffer b;
  ASSERT_TRUE(b.post(R"({"data":{"z":1,"a":"你好 \ud83d\ude00 %20"}})").ok);
  EXPECT_EQ(dump_json(b.flush()), "[{\"z\":1,\"a\":\"你好 😀 %20\"}]");
}

TEST(Json, DepthLimitIgnoresBracketsInStrings) {
  json v;
  EXPECT_TRUE(parse_json("\"" + std::string(1000, '[') + "\"", v).ok);
  std::string ok_depth = std::string(kMaxJsonDepth, '[') + std::string(kMaxJsonDepth, ']');
  EXPECT_TRUE(parse_json(ok_depth, v).ok);
  std::string too_deep = std::string(kMaxJsonDepth + 1, '[') + std::string(kMaxJsonDepth + 1, ']');
  EXPECT_EQ(parse_json(too_deep, v).reason, events_reason::kTooDeep);
  EXPECT_TRUE(parse_json(R"({"a":"\"[[[["})", v).ok);
}

TEST(Json, DumpReplacesInvalidUtf8) {
  json v = std::string(
      "a\xff"
      "b");
  EXPECT_EQ(dump_json(v),
            "\"a\xEF\xBF\xBD"
            "b\"");
}

TEST(ListenerSet, AddTwiceRegisteredOnceInOrder) {
  ListenerSet s;
  EXPECT_TRUE(s.add(3));
  EXPECT_TRUE(s.add(1));
  EXPECT_FALSE(s.add(3));
  EXPECT_TRUE(s.add(2));
  EXPECT_EQ(s.ids(), (std::vector<std::int64_t>{3, 1, 2}));
  EXPECT_TRUE(s.remove(1));
  EXPECT_FALSE(s.remove(1));
  EXPECT_EQ(s.ids(), (std::vector<std::int64_t>{3, 2}));
  s.clear();
  EXPECT_TRUE(s.empty());
}

TEST(NativeHandlers, SeveralPerNameInOrderOffRemovesOne) {
  NativeHandlers h;
  EXPECT_TRUE(h.on("scan", 1));
  EXPECT_TRUE(h.on("scan", 2));
  EXPECT_FALSE(h.on("scan", 1));
  EXPECT_TRUE(h.on("pay", 9));
  EXPECT_EQ(h.handlers("scan"), (std::vector<std::int64_t>{1, 2}));
  EXPECT_TRUE(h.off("scan", 1));
  EXPECT_FALSE(h.off("scan", 1));
  EXPECT_FALSE(h.off("nothing", 1));
  EXPECT_EQ(h.handlers("scan"), (std::vector<std::int64_t>{2}));
  EXPECT_EQ(h.handlers("pay"), (std::vector<std::int64_t>{9}));
  EXPECT_TRUE(h.handlers("none").empty());
}

TEST(NativeHandlers, HoldsAnIdUnderAnyNameEitherKind) {
  NativeHandlers h;
  EXPECT_FALSE(h.holds(1));
  h.on("scan", 1);
  h.regist("pay", 2);
  EXPECT_TRUE(h.holds(1));
  EXPECT_TRUE(h.holds(2));
  EXPECT_TRUE(h.off("scan", 1));
  EXPECT_FALSE(h.holds(1));
  h.regist("pay", 3);  // replaced: 2 is no longer held
  EXPECT_FALSE(h.holds(2));
  EXPECT_TRUE(h.holds(3));
}

TEST(NativeHandlers, OffAllRemovesEveryOnHandlerOfTheNameOnly) {
  NativeHandlers h;
  h.on("a", 1);
  h.on("a", 2);
  h.on("b", 3);
  h.regist("a", 9);
  EXPECT_EQ(h.off_all("a"), 2u);
  EXPECT_EQ(h.handlers("a"), (std::vector<std::int64_t>{9}));  // regist stays (§4.5)
  EXPECT_EQ(h.handlers("b"), (std::vector<std::int64_t>{3}));
  EXPECT_EQ(h.off_all("a"), 0u);
  EXPECT_EQ(h.off_all("none"), 0u);
  EXPECT_TRUE(h.on("a", 1));  // registrable again
}

TEST(NativeHandlers, RegistHoldsOneReplacedAndNotRemovedByOff) {
  NativeHandlers h;
  h.regist("scan", 5);
  h.regist("scan", 6);
  EXPECT_EQ(h.handlers("scan"), (std::vector<std::int64_t>{6}));
  EXPECT_FALSE(h.off("scan", 6));
  EXPECT_EQ(h.handlers("scan"), (std::vector<std::int64_t>{6}));
  h.on("scan", 1);
  EXPECT_EQ(h.handlers("scan"), (std::vector<std::int64_t>{1, 6}));  // on-handlers first, then regist
  h.on("scan", 6);                                                   // same id through both: run once
  EXPECT_EQ(h.handlers("scan"), (std::vector<std::int64_t>{1, 6}));
  EXPECT_TRUE(h.off("scan", 6));
  EXPECT_EQ(h.handlers("scan"), (std::vector<std::int64_t>{1, 6}));  // regist one stays
}

TEST(NativeApis, NotFoundReason) {
  NativeApis a;
  EXPECT_EQ(a.check("scan").reason, "api scan not found");
  EXPECT_EQ(a.check("scan").reason, events_reason::api_not_found("scan"));
  a.add("scan");
  EXPECT_TRUE(a.check("scan").ok);
  EXPECT_EQ(a.check("Scan").reason, "api Scan not found");
  EXPECT_TRUE(a.remove("scan"));
  EXPECT_FALSE(a.remove("scan"));
  EXPECT_EQ(a.check("").reason, "api  not found");
}

TEST(LoadTimeout, FiresOnceWithoutComplete) {
  LoadTimeout t(12000);
  EXPECT_EQ(t.timeout_ms(), 12000u);
  EXPECT_TRUE(t.elapse());
  EXPECT_FALSE(t.elapse());
  EXPECT_TRUE(t.fired());
  EXPECT_TRUE(t.complete());  // late complete is still recorded
  EXPECT_FALSE(t.complete());
}

TEST(LoadTimeout, CompleteInTimePreventsFiring) {
  LoadTimeout t(500);
  EXPECT_TRUE(t.complete());
  EXPECT_FALSE(t.elapse());
  EXPECT_FALSE(t.fired());
}

TEST(LoadTimeout, NoTimeoutConfiguredNeverFires) {
  LoadTimeout t;
  EXPECT_FALSE(t.elapse());
  EXPECT_FALSE(t.fired());
}

}  // namespace
}  // namespace ft
