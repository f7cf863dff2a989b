// ft::payload_for_page and the stored tags (behaviour.md §2.1): the first format's records still
// read back, and every tag the host writes is a storage tag.
#include "storage_value.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <string>

#include "storage.h"

namespace {

using ft::payload_for_page;

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
