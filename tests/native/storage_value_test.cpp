// ft::stored_value_check and ft::payload_for_page (behaviour.md §2.1): which values read back
// changed from the host's JSON round trip, the device check's text, and the first format's records.
#include "storage_value.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <string>

#include "storage.h"

namespace {

using ft::payload_for_page;
using ft::stored_value_check;

TEST(StoredValueCheckTest, PlainJsonHasNoFactsAndNoCheck) {
  EXPECT_EQ(stored_value_check(R"({"a":[1,"x",null,true]})", ""), "");
}

TEST(StoredValueCheckTest, WhatReadsBackAsStoredIsNoCheck) {
  // A top-level undefined reads back as undefined; a valid top-level Date as a Date; an
  // undefined member is dropped and still reads as undefined.
  EXPECT_EQ(stored_value_check("", "undefined\t\n"), "");
  EXPECT_EQ(stored_value_check("\"2024-02-29T12:34:56.789Z\"", "Date\t\n"), "");
  EXPECT_EQ(stored_value_check("{}", "undefined\t\"a\"\n"), "");
}

TEST(StoredValueCheckTest, NamesTheFirstValueThatReadsBackChangedWhereItIsAndTheFix) {
  const std::string map = stored_value_check(R"({"tags":{}})", "Map\t\"tags\"\n");
  EXPECT_EQ(map.find("Map at member \"tags\" reads back changed: the device stores JSON ("), 0u) << map;
  EXPECT_NE(map.find("a Map or Set as {}"), std::string::npos);
  EXPECT_NE(map.find("store plain JSON data"), std::string::npos);
  // The first one that changes, past those that do not.
  const std::string nan = stored_value_check("[null,null]", "undefined\t\"x\"\nNaN\t0\nInfinity\t1\n");
  EXPECT_EQ(nan.find("NaN at item 0 reads back changed"), 0u) << nan;
  EXPECT_EQ(stored_value_check("null", "NaN\t\n").find("NaN at data "), 0u);
}

TEST(StoredValueCheckTest, EveryValueJsonChangesIsACheck) {
  for (const char* fact : {"NaN\t\n", "-Infinity\t\"n\"\n", "undefined\t3\n", "Function\t\n", "AsyncFunction\t\"f\"\n",
                           "symbol\t2\n", "Date\t\"when\"\n", "Date\t0\n", "Map\t\n", "Set\t\"s\"\n", "ArrayBuffer\t\n",
                           "RegExp\t\n", "Uint8Array\t\"bytes\"\n", "Number\t\n", "String\t\"boxed\"\n"}) {
    EXPECT_NE(stored_value_check("{}", fact), "") << fact;
  }
  // An invalid top-level Date reads back as new Date(0).
  EXPECT_NE(stored_value_check("null", "Date\t\n"), "");
}

TEST(StoredValueCheckTest, MalformedFactsEndTheScan) {
  EXPECT_EQ(stored_value_check("{}", "Map"), "");
  EXPECT_EQ(stored_value_check("{}", "Map\t\"x\""), "");
  EXPECT_EQ(stored_value_check("{}", "\n\n"), "");
  // A line without a tab is skipped; the next line is read on its own.
  EXPECT_EQ(stored_value_check("{}", "abc\nMap\t\"x\"\n").find("Map at member \"x\" "), 0u);
  EXPECT_NE(stored_value_check("{}", "\t\n"), "");  // an unnamed class: reads back changed
}

TEST(PayloadForPageTest, FirstFormatInvalidDateStillReadsBackInvalid) {
  EXPECT_EQ(payload_for_page("date", "NaN"), "\"NaN\"");  // new Date("NaN") is an invalid Date
  EXPECT_EQ(payload_for_page("date", "1700000000123"), "1700000000123");
  EXPECT_EQ(payload_for_page("date", "\"2024-02-29T12:34:56.789Z\""), "\"2024-02-29T12:34:56.789Z\"");
  EXPECT_EQ(payload_for_page("number", "NaN"), "NaN");
  EXPECT_EQ(payload_for_page("string", "\"x\""), "\"x\"");
}

TEST(StoredValueTagsTest, EveryTagTheHostWritesIsAValidStorageTag) {
  // The tags are the host's _type: typeof, and "date" for a Date.
  char dir[] = "/tmp/ft-storage-value-XXXXXX";
  ASSERT_NE(::mkdtemp(dir), nullptr);
  ft::Storage storage(dir);
  for (const char* tag : {"string", "number", "boolean", "object", "undefined", "function", "symbol", "date"}) {
    EXPECT_TRUE(storage.set(tag, tag, "").status.ok) << tag;
  }
  std::system((std::string("rm -rf ") + dir).c_str());
}

}  // namespace
