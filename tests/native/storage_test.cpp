// ft::Storage: limits, accounting, the on-disk shard and journal formats, compaction, damage
// handling, multi-writer replay.
#include "storage.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "codec.h"
#include "storage_record.h"

namespace {

class StorageTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/ft-storage-XXXXXX";
    ASSERT_NE(::mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
  }
  void TearDown() override { std::system(("rm -rf " + dir_).c_str()); }

  static std::string read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }
  static void write(const std::string& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
  }

  std::string dir_;
};

TEST_F(StorageTest, SetGetRemoveClear) {
  ft::Storage s(dir_);
  EXPECT_TRUE(s.load().empty());
  EXPECT_EQ(s.get("k"), nullptr);
  auto w = s.set("k", "string", "\"v\"");
  ASSERT_TRUE(w.status.ok);
  EXPECT_GT(w.op, 0u);
  ASSERT_NE(s.get("k"), nullptr);
  EXPECT_EQ(s.get("k")->type, "string");
  EXPECT_EQ(s.get("k")->payload, "\"v\"");
  EXPECT_TRUE(s.remove("k").status.ok);
  EXPECT_EQ(s.get("k"), nullptr);
  EXPECT_TRUE(s.remove("missing").status.ok);  // §2.2
  s.set("a", "number", "1");
  s.set("b", "number", "2");
  s.clear();
  EXPECT_EQ(s.size(), 0u);
  EXPECT_EQ(s.total_bytes(), 0u);
}

TEST_F(StorageTest, ItemLimitCountsKeyAndPayloadBytes) {
  ft::Storage s(dir_, {10, 100});
  EXPECT_TRUE(s.set("ab", "string", "12345678").status.ok);  // 2 + 8 = 10
  auto w = s.set("ab", "string", "123456789");               // 11 > 10
  EXPECT_FALSE(w.status.ok);
  EXPECT_EQ(w.status.reason, "exceed storage item max length");
  EXPECT_EQ(s.get("ab")->payload, "12345678");  // old value kept
  // UTF-8 bytes, not characters: "é" is 2 bytes.
  EXPECT_FALSE(s.set("k", "string", "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9").status.ok);
}

TEST_F(StorageTest, TotalLimitNoPartialWrite) {
  ft::Storage s(dir_, {100, 30});
  EXPECT_TRUE(s.set("a", "string", "123456789").status.ok);  // 10
  EXPECT_TRUE(s.set("b", "string", "123456789").status.ok);  // 20
  auto w = s.set("c", "string", "1234567890123");            // 34 > 30
  EXPECT_FALSE(w.status.ok);
  EXPECT_EQ(w.status.reason, "exceed storage max size 10MB");
  EXPECT_EQ(s.get("c"), nullptr);
  EXPECT_EQ(s.total_bytes(), 20u);
  // Replacing a value counts the difference only.
  EXPECT_TRUE(s.set("a", "string", "1234567890123456789").status.ok);  // 20 + 20 - 10 = 30
  EXPECT_EQ(s.total_bytes(), 30u);
}

TEST_F(StorageTest, InfoInKilobytesAndSortedKeys) {
  ft::Storage s(dir_);
  s.set("b", "string", std::string(1023, 'x'));  // 1024 bytes
  s.set("a", "string", "1");                     // 2 bytes
  auto info = s.info();
  EXPECT_EQ(info.keys, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(info.current_size_kb, 2u);  // ceil(1026 / 1024)
  EXPECT_EQ(info.limit_size_kb, 10240u);
}

TEST_F(StorageTest, RejectsBadTypeTags) {
  ft::Storage s(dir_);
  EXPECT_FALSE(s.set("k", "", "1").status.ok);
  EXPECT_FALSE(s.set("k", "Str", "1").status.ok);
  EXPECT_FALSE(s.set("k", "a\tb", "1").status.ok);
  EXPECT_FALSE(s.set("k", std::string(17, 'a'), "1").status.ok);
}

TEST_F(StorageTest, PersistsAndReloadsEveryByte) {
  const std::string odd_key = std::string("tab\there\nnew\\line\r\0nul", 23);
  const std::string odd_payload = "\"multi\nline\\\t\"";
  {
    ft::Storage s(dir_);
    s.load();
    s.set(odd_key, "string", odd_payload);
    s.set("\xE8\xB4\xAD\xE7\x89\xA9", "object", "{\"n\":1}");
    for (int i = 0; i < 500; ++i) s.set("key" + std::to_string(i), "number", std::to_string(i));
    auto report = s.flush();
    ASSERT_TRUE(report.status.ok);
    EXPECT_EQ(report.durable_through, 502u);
    EXPECT_FALSE(s.dirty());
  }
  ft::Storage again(dir_);
  EXPECT_TRUE(again.load().empty());
  EXPECT_EQ(again.size(), 502u);
  ASSERT_NE(again.get(odd_key), nullptr);
  EXPECT_EQ(again.get(odd_key)->payload, odd_payload);
  EXPECT_EQ(again.get("\xE8\xB4\xAD\xE7\x89\xA9")->type, "object");
  EXPECT_EQ(again.get("key499")->payload, "499");
}

TEST_F(StorageTest, OneChangedKeyRewritesOneShard) {
  ft::Storage s(dir_);
  for (int i = 0; i < 1000; ++i) s.set("key" + std::to_string(i), "number", std::to_string(i));
  EXPECT_EQ(s.compact().written.size(), ft::Storage::kShardCount);
  s.set("key7", "number", "77");
  EXPECT_EQ(s.flush().written, std::vector<std::string>{dir_ + "/journal-00000001"});
  auto compacted = s.compact();
  EXPECT_EQ(compacted.written,
            (std::vector<std::string>{s.shard_path(ft::Storage::shard_of("key7")), dir_ + "/journal-base"}));
  EXPECT_EQ(compacted.removed, std::vector<std::string>{dir_ + "/journal-00000001"});
}

TEST_F(StorageTest, ManyWritesOverManyShardsFlushAsOneJournal) {
  ft::Storage s(dir_);
  s.load();
  for (int i = 0; i < 2000; ++i) s.set("key" + std::to_string(i), "number", std::to_string(i));
  s.remove("key3");
  auto report = s.flush();
  ASSERT_TRUE(report.status.ok);
  EXPECT_EQ(report.written, std::vector<std::string>{dir_ + "/journal-00000001"});
  EXPECT_EQ(report.durable_through, 2001u);
  EXPECT_FALSE(s.dirty());
  ft::Storage again(dir_);
  EXPECT_TRUE(again.load().empty());
  EXPECT_EQ(again.size(), 1999u);
  EXPECT_EQ(again.get("key3"), nullptr);
  EXPECT_EQ(again.get("key1999")->payload, "1999");
  EXPECT_EQ(again.total_bytes(), s.total_bytes());
}

TEST_F(StorageTest, WritesThatChangeNothingAreNotJournaled) {
  ft::Storage s(dir_);
  s.load();
  s.clear();
  s.remove("missing");
  auto nothing = s.flush();  // the testing kit's reset of an empty store
  ASSERT_TRUE(nothing.status.ok);
  EXPECT_TRUE(nothing.written.empty());
  EXPECT_EQ(nothing.durable_through, 2u);
  EXPECT_FALSE(s.dirty());
  s.set("k", "number", "1");
  s.remove("missing");
  s.remove("k");
  auto some = s.flush();
  EXPECT_EQ(some.written, std::vector<std::string>{dir_ + "/journal-00000001"});
  const std::string journal = read(some.written[0]);
  EXPECT_EQ(std::count(journal.begin(), journal.end(), '\n'), 3);  // header, set, remove
  // A removal that changed nothing here may change another tab's state: replayed, it counts.
  ft::Storage tab_a(dir_), tab_b(dir_);
  tab_a.load();
  tab_b.load();
  tab_b.remove("late");
  tab_a.set("late", "number", "2");
  tab_a.flush();
  tab_b.refresh();
  EXPECT_EQ(tab_b.get("late"), nullptr);
  tab_b.flush();
  ft::Storage reader(dir_);
  reader.load();
  EXPECT_EQ(reader.get("late"), nullptr);
}

TEST_F(StorageTest, JournalsReplayInOrderOverShardsAndCompactionKeepsTheState) {
  ft::Storage s(dir_);
  s.load();
  s.set("a", "number", "1");
  s.set("b", "number", "2");
  s.compact();  // a and b in their shards
  s.set("a", "number", "10");
  s.remove("b");
  s.flush();  // journal 1
  s.set("c", "number", "3");
  s.clear();
  s.set("d", "number", "4");
  s.flush();  // journal 2: set, clear, set
  s.set("e", "string", "\"tab\there\"");
  s.flush();  // journal 3
  EXPECT_FALSE(s.compaction_due());
  const auto keys = std::vector<std::string>{"d", "e"};
  ft::Storage reloaded(dir_);
  EXPECT_TRUE(reloaded.load().empty());
  EXPECT_EQ(reloaded.info().keys, keys);
  EXPECT_EQ(reloaded.total_bytes(), s.total_bytes());
  auto compacted = reloaded.compact();
  ASSERT_TRUE(compacted.status.ok);
  EXPECT_EQ(compacted.removed.size(), 3u + 2u);  // the journals, and the shard files of a and b
  ft::Storage after(dir_);
  EXPECT_TRUE(after.load().empty());
  EXPECT_EQ(after.info().keys, keys);
  EXPECT_EQ(after.get("e")->payload, "\"tab\there\"");
  EXPECT_EQ(::access((dir_ + "/journal-00000003").c_str(), F_OK), -1);
}

TEST_F(StorageTest, CompactionIsDueAfterManyJournalsAndFlushCompactsPastFourTimesThat) {
  ft::Storage s(dir_);
  s.load();
  for (std::size_t i = 0; i < ft::Storage::kJournalFilesDue; ++i) {
    EXPECT_FALSE(s.compaction_due());
    s.set("k", "number", std::to_string(i));
    EXPECT_EQ(s.flush().compact_due, i + 1 == ft::Storage::kJournalFilesDue);
  }
  for (std::size_t i = 0; i < 3 * ft::Storage::kJournalFilesDue; ++i) {
    s.set("k", "number", std::to_string(i));
    s.flush();
  }
  EXPECT_TRUE(s.compaction_due());
  s.set("k", "number", "last");
  auto report = s.flush();  // past four times: compacts by itself
  EXPECT_FALSE(report.compact_due);
  EXPECT_EQ(report.removed.size(), 4 * ft::Storage::kJournalFilesDue);
  ft::Storage again(dir_);
  again.load();
  EXPECT_EQ(again.get("k")->payload, "last");
}

TEST_F(StorageTest, AnotherTabsJournalsAndCompactionAreSeenByRefresh) {
  ft::Storage tab_a(dir_), tab_b(dir_);
  tab_a.load();
  tab_b.load();
  tab_a.set("x", "number", "1");
  tab_a.flush();
  auto first = tab_b.refresh();
  EXPECT_EQ(first.shards_reloaded, 1u);
  EXPECT_EQ(tab_b.get("x")->payload, "1");
  EXPECT_EQ(tab_b.refresh().shards_reloaded, 0u);  // nothing changed since
  // A compacts, then writes again: the new journal's seq is not one B has read.
  tab_a.compact();
  tab_a.set("x", "number", "2");
  tab_a.flush();
  EXPECT_EQ(::access((dir_ + "/journal-00000002").c_str(), F_OK), 0);
  tab_b.set("y", "number", "3");  // pending in B: replayed on top
  auto second = tab_b.refresh();
  EXPECT_TRUE(second.rejected.empty());
  EXPECT_EQ(tab_b.get("x")->payload, "2");
  EXPECT_EQ(tab_b.get("y")->payload, "3");
  tab_b.flush();
  EXPECT_EQ(::access((dir_ + "/journal-00000003").c_str(), F_OK), 0);
  tab_a.refresh();
  EXPECT_EQ(tab_a.get("y")->payload, "3");
  ft::Storage reader(dir_);
  reader.load();
  EXPECT_EQ(reader.info().keys, (std::vector<std::string>{"x", "y"}));
}

TEST_F(StorageTest, DamagedJournalRecordIsSkippedReportedAndCompactedAway) {
  {
    ft::Storage s(dir_);
    s.load();
    s.set("a", "string", "\"first\"");
    s.set("b", "string", "\"second\"");
    s.set("c", "string", "\"third\"");
    s.flush();
  }
  const std::string path = dir_ + "/journal-00000001";
  std::string text = read(path);
  const std::size_t second = text.find('\n', text.find('\n', 18) + 1);
  ASSERT_NE(second, std::string::npos);
  text[second - 3] ^= 0x01;  // inside b's payload
  write(path, text);

  ft::Storage s(dir_);
  auto warnings = s.load();
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].file, path);
  EXPECT_EQ(warnings[0].line, 3u);
  EXPECT_EQ(warnings[0].what, "checksum mismatch");
  EXPECT_EQ(s.info().keys, (std::vector<std::string>{"a", "c"}));
  EXPECT_TRUE(s.compaction_due());
  s.set("z", "number", "1");
  auto next = s.flush();  // the next write compacts the damage away
  ASSERT_TRUE(next.status.ok);
  EXPECT_EQ(std::count(next.removed.begin(), next.removed.end(), path), 1);
  s.remove("z");
  s.compact();
  ft::Storage repaired(dir_);
  EXPECT_TRUE(repaired.load().empty());
  EXPECT_EQ(repaired.info().keys, (std::vector<std::string>{"a", "c"}));
  EXPECT_FALSE(repaired.compaction_due());
  // A journal that is not one at all: reported, nothing else lost.
  repaired.set("d", "number", "4");
  repaired.flush();
  write(dir_ + "/journal-00000002", "junk");
  ft::Storage garbage(dir_);
  auto junk = garbage.load();
  ASSERT_EQ(junk.size(), 1u);
  EXPECT_EQ(junk[0].what, "not a storage journal (bad header)");
  EXPECT_EQ(garbage.info().keys, (std::vector<std::string>{"a", "c"}));
}

TEST_F(StorageTest, EmptiedShardFileIsRemoved) {
  ft::Storage s(dir_);
  s.set("only", "number", "1");
  s.compact();
  const std::string path = s.shard_path(ft::Storage::shard_of("only"));
  EXPECT_EQ(::access(path.c_str(), F_OK), 0);
  s.remove("only");
  s.compact();
  EXPECT_NE(::access(path.c_str(), F_OK), 0);
}

TEST_F(StorageTest, SameSizeRewriteByAnotherWriterIsSeenByRefresh) {
  // Same key, same size, written within the same second: only the header checksum tells.
  ft::Storage tab_a(dir_), tab_b(dir_);
  tab_a.load();
  tab_a.set("k", "number", "1");
  tab_a.compact();
  tab_b.load();
  tab_a.set("k", "number", "2");
  tab_a.compact();
  auto report = tab_b.refresh();
  EXPECT_EQ(report.shards_reloaded, 1u);
  EXPECT_EQ(tab_b.get("k")->payload, "2");
  EXPECT_EQ(tab_b.refresh().shards_reloaded, 0u);  // nothing changed since
}

TEST_F(StorageTest, CompactionListsWrittenAndRemovedFiles) {
  ft::Storage s(dir_);
  s.set("a", "number", "1");
  auto first = s.compact();
  ASSERT_EQ(first.written.size(), 1u);
  EXPECT_EQ(first.written[0], s.shard_path(ft::Storage::shard_of("a")));
  EXPECT_TRUE(first.removed.empty());
  s.remove("a");
  auto second = s.compact();
  EXPECT_TRUE(second.written.empty());
  ASSERT_EQ(second.removed.size(), 1u);
  EXPECT_EQ(second.removed[0], first.written[0]);
}

TEST_F(StorageTest, DamagedRecordIsSkippedReportedAndRepaired) {
  {
    ft::Storage s(dir_);
    // Keys in the same shard, so one file holds all three.
    std::vector<std::string> keys;
    for (int i = 0; keys.size() < 3; ++i) {
      std::string k = "k" + std::to_string(i);
      if (ft::Storage::shard_of(k) == 5) keys.push_back(k);
    }
    for (const auto& k : keys) s.set(k, "string", "\"value of " + k + "\"");
    s.compact();
  }
  ft::Storage probe(dir_);
  const std::string path = probe.shard_path(5);
  std::string text = read(path);
  // Flip one byte inside the second record's payload.
  std::size_t second = text.find('\n', text.find('\n', 18) + 1);
  ASSERT_NE(second, std::string::npos);
  text[second - 3] ^= 0x01;
  write(path, text);

  ft::Storage s(dir_);
  auto warnings = s.load();
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].file, path);
  EXPECT_EQ(warnings[0].line, 3u);
  EXPECT_EQ(warnings[0].what, "checksum mismatch");
  EXPECT_EQ(s.size(), 2u);
  EXPECT_TRUE(s.dirty());  // the next flush rewrites the damaged shard
  s.flush();
  ft::Storage repaired(dir_);
  EXPECT_TRUE(repaired.load().empty());
  EXPECT_EQ(repaired.size(), 2u);
}

TEST_F(StorageTest, GarbageFilesDoNotCrash) {
  ft::Storage s(dir_);
  s.set("k", "number", "1");
  s.compact();
  const std::string path = s.shard_path(ft::Storage::shard_of("k"));
  for (const std::string& garbage : {std::string(), std::string("FTSTORE1\n"), std::string("FTSTORE1\nzz\t\t\t\n"),
                                     std::string("FTSTORE1\n00000000\ta\tb"), std::string("junk"),
                                     std::string("FTSTORE1\n\\\\\\\n\n\n"), std::string(5000, '\t')}) {
    write(path, garbage);
    ft::Storage t(dir_);
    t.load();
    EXPECT_EQ(t.get("k"), nullptr);
  }
}

TEST_F(StorageTest, RefreshReplaysPendingWritesOverAnotherWriter) {
  ft::Storage tab_a(dir_), tab_b(dir_);
  tab_a.load();
  tab_b.load();
  tab_a.set("from-a", "string", "\"a\"");
  tab_b.set("from-b", "string", "\"b\"");
  tab_a.flush();
  // Tab B sees A's files changed, re-reads them and keeps its own pending write.
  auto report = tab_b.refresh();
  EXPECT_GT(report.shards_reloaded, 0u);
  EXPECT_TRUE(report.rejected.empty());
  ASSERT_NE(tab_b.get("from-a"), nullptr);
  ASSERT_NE(tab_b.get("from-b"), nullptr);
  tab_b.flush();
  ft::Storage reader(dir_);
  reader.load();
  EXPECT_NE(reader.get("from-a"), nullptr);
  EXPECT_NE(reader.get("from-b"), nullptr);
}

TEST_F(StorageTest, RefreshRejectsPendingWritesThatNoLongerFit) {
  ft::Storage tab_a(dir_, {100, 30}), tab_b(dir_, {100, 30});
  tab_a.load();
  tab_b.load();
  tab_a.set("a", "string", std::string(19, 'x'));  // 20 bytes
  auto b = tab_b.set("b", "string", std::string(19, 'y'));
  tab_a.flush();
  auto report = tab_b.refresh();
  ASSERT_EQ(report.rejected.size(), 1u);
  EXPECT_EQ(report.rejected[0].op, b.op);
  EXPECT_EQ(report.rejected[0].reason, "exceed storage max size 10MB");
  EXPECT_EQ(tab_b.get("b"), nullptr);
}

// The unsaved-writes record (docs/durability.md): what is not yet confirmed durable, in order, and
// its replay into a store that never saw those writes.
TEST_F(StorageTest, UnsavedRecordHoldsUnconfirmedWritesInOrderAndReplays) {
  ft::Storage a(dir_);
  a.load();
  EXPECT_EQ(a.unsaved_record(), "");
  ASSERT_TRUE(a.set("old", "string", "\"durable\"").status.ok);
  ft::FlushReport first = a.flush();
  a.confirm(first.durable_through);
  EXPECT_EQ(a.unsaved_record(), "");
  ASSERT_TRUE(a.set("k\n\t1", "object", "{\"a\":\"x\\ty\"}").status.ok);
  ft::FlushReport second = a.flush();  // written, not confirmed: still unsaved
  ASSERT_TRUE(a.remove("old").status.ok);
  ASSERT_TRUE(a.clear().status.ok);
  ASSERT_TRUE(a.set("last", "number", "2").status.ok);
  const std::string record = a.unsaved_record();
  EXPECT_EQ(record, "object\tk\\n\\t1\t{\"a\":\"x\\\\ty\"}\n-\told\t\n*\t\t\nnumber\tlast\t2\n");
  // A compaction before the confirmation keeps them in the record.
  a.compact();
  EXPECT_EQ(a.unsaved_record(), record);
  a.confirm(second.durable_through);
  EXPECT_EQ(a.unsaved_record(), "-\told\t\n*\t\t\nnumber\tlast\t2\n");

  char other[] = "/tmp/ft-storage-XXXXXX";
  ASSERT_NE(::mkdtemp(other), nullptr);
  ft::Storage b(other);
  b.load();
  ASSERT_TRUE(b.set("old", "string", "\"x\"").status.ok);
  ASSERT_TRUE(b.set("gone", "string", "\"y\"").status.ok);
  EXPECT_EQ(b.replay(record), "");
  EXPECT_EQ(b.info().keys, std::vector<std::string>{"last"});
  EXPECT_EQ(b.get("last")->payload, "2");
  // The replayed writes are this store's own pending writes: its next record holds them.
  EXPECT_EQ(b.unsaved_record(), "string\told\t\"x\"\nstring\tgone\t\"y\"\n" + record);
  std::system((std::string("rm -rf ") + other).c_str());
}

TEST_F(StorageTest, ReplayReportsDamagedLinesAndWritesOverTheLimitsAndKeepsTheRest) {
  ft::Storage s(dir_, {8, 100});
  s.load();
  const std::string failed =
      s.replay("not a line\nstring\ta\t1\nstring\tbig\t123456789\nBad\tx\ty\n-\ta\t\tx\n\nstring\tb\t2");
  EXPECT_EQ(failed,
            "ft-polyfill: a write kept as the page left is lost: damaged\n"
            "ft-polyfill: a write kept as the page left is lost: exceed storage item max length\n"
            "ft-polyfill: a write kept as the page left is lost: parameter error: invalid value type tag\n"
            "ft-polyfill: a write kept as the page left is lost: damaged\n"
            "ft-polyfill: a write kept as the page left is lost: damaged\n");
  EXPECT_EQ(s.info().keys, (std::vector<std::string>{"a", "b"}));
}

TEST(CodecTest, EscapeRoundTripAndCrc) {
  std::string raw = std::string("a\\b\nc\td\re\0f", 12);
  std::string back;
  ASSERT_TRUE(ft::codec::unescape_line(ft::codec::escape_line(raw), back));
  EXPECT_EQ(back, raw);
  EXPECT_FALSE(ft::codec::unescape_line("bad\\", back));
  EXPECT_FALSE(ft::codec::unescape_line("bad\\x", back));
  EXPECT_EQ(ft::codec::crc32("123456789"), 0xCBF43926u);  // the CRC-32 check value
  std::uint32_t v;
  EXPECT_TRUE(ft::codec::parse_hex32(ft::codec::hex32(0xDEADBEEF), v));
  EXPECT_EQ(v, 0xDEADBEEFu);
  EXPECT_FALSE(ft::codec::parse_hex32("DEADBEEF", v));
}

}  // namespace

TEST(CodecTest, AppendEscapedMatchesEscape) {
  for (std::string raw : {std::string(), std::string("plain"), std::string("\\"), std::string("a\nb\tc\rd\\e"),
                          std::string("\n\n"), std::string("end\\")}) {
    std::string out = "prefix";
    ft::codec::append_escaped_line(out, raw);
    EXPECT_EQ(out, "prefix" + ft::codec::escape_line(raw));
  }
}

TEST_F(StorageTest, SetSetClearSetFlushKeepsOnlyTheLastWrite) {
  // The testing kit's reset between tests does exactly this (it once aborted the wasm core).
  ft::Storage s(dir_);
  s.load();
  s.set("a", "number", "1");
  s.set("b", "number", "2");
  ASSERT_TRUE(s.flush().status.ok);
  s.set("c", "number", "3");
  s.clear();
  s.set("d", "number", "4");
  EXPECT_TRUE(s.refresh().rejected.empty());
  auto report = s.flush();
  ASSERT_TRUE(report.status.ok);
  ft::Storage again(dir_);
  again.load();
  EXPECT_EQ(again.info().keys, std::vector<std::string>{"d"});
}

// The record formats (src/storage_record.h): each built and read back by the core only.
TEST(StorageRecordTest, UnsavedLinesAndQueuedCallsParse) {
  std::string line, tag, key, payload;
  ft::record::append_unsaved(line, "object", "k\n\t\\", "{\"a\":\"\\t\"}");
  ASSERT_EQ(line.back(), '\n');
  line.pop_back();
  ASSERT_TRUE(ft::record::parse_unsaved(line, tag, key, payload));
  EXPECT_EQ(tag, "object");
  EXPECT_EQ(key, "k\n\t\\");
  EXPECT_EQ(payload, "{\"a\":\"\\t\"}");
  // The page's calls queued before the core was up, as its JS wrote them (JSON.stringify).
  ASSERT_TRUE(ft::record::parse_unsaved(R"({"api":"setStorage","key":"a\tb","type":"string","payload":"\"x\""})", tag,
                                        key, payload));
  EXPECT_EQ(tag, "string");
  EXPECT_EQ(key, "a\tb");
  EXPECT_EQ(payload, "\"x\"");
  ASSERT_TRUE(ft::record::parse_unsaved(R"({"api":"removeStorage","key":"gone"})", tag, key, payload));
  EXPECT_EQ(tag, "-");
  EXPECT_EQ(key, "gone");
  EXPECT_EQ(payload, "");
  ASSERT_TRUE(ft::record::parse_unsaved(R"({"api":"clearStorage"})", tag, key, payload));
  EXPECT_EQ(tag, "*");
  for (const char* bad : {R"({"api":"setStorage","key":"a"})", R"({"api":"getStorage","key":"a"})", R"({"api":1})",
                          "{not json", R"({"api":"removeStorage"})", "a\tb", ""})
    EXPECT_FALSE(ft::record::parse_unsaved(bad, tag, key, payload)) << bad;
}

TEST(StorageRecordTest, ChecksummedRecordsRoundTripAndReportDamage) {
  std::string records;
  ft::record::append(records, "-", "k\t1", "");
  records.pop_back();
  std::string_view tag;
  std::string key, payload;
  EXPECT_EQ(ft::record::parse(records, true, true, tag, key, payload), nullptr);
  EXPECT_EQ(tag, "-");
  EXPECT_EQ(key, "k\t1");
  EXPECT_STREQ(ft::record::parse(records, true, false, tag, key, payload),
               "malformed record");  // a shard holds values only
  EXPECT_STREQ(ft::record::parse(records, false, true, tag, key, payload), "truncated record");
  records[0] = records[0] == '0' ? '1' : '0';
  EXPECT_STREQ(ft::record::parse(records, true, true, tag, key, payload), "checksum mismatch");
}

TEST_F(StorageTest, ReplayMakesQueuedCallsWritesInOrder) {
  ft::Storage s(dir_);
  s.load();
  ASSERT_TRUE(s.set("old", "string", "\"x\"").status.ok);
  const std::string kept =
      "number\tn\t1\n"
      R"({"api":"clearStorage"})"
      "\n"
      R"({"api":"setStorage","key":"a","type":"string","payload":"\"y\""})"
      "\n"
      R"({"api":"setStorage","key":"b","type":"Bad","payload":"1"})"
      "\n"
      R"({"api":"removeStorage","key":"a"})"
      "\n"
      R"({"api":"setStorage","key":"c","type":"number","payload":"3"})";
  EXPECT_EQ(s.replay(kept),
            "ft-polyfill: a write kept as the page left is lost: parameter error: invalid value type tag\n");
  EXPECT_EQ(s.info().keys, std::vector<std::string>{"c"});
  // Replayed, they are this store's writes, in its own format.
  EXPECT_EQ(s.unsaved_record(), "string\told\t\"x\"\nnumber\tn\t1\n*\t\t\nstring\ta\t\"y\"\n-\ta\t\nnumber\tc\t3\n");
}
