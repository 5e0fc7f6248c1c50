#include "io/returns/id_index.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace caseflow::returns {
namespace {

// Ids short enough to sit in a slot (up to 11 characters), longer ones kept beside the table,
// and the empty id, through several growths of the table (it starts at 1024 slots): each id
// keeps the index it was given on first sight, and no two ids share one.
TEST(IdIndex, GivesEachIdOneIndexThroughGrowth) {
  IdIndex index;
  std::vector<std::string> ids;
  for (int i = 0; i < 5000; ++i) {
    ids.push_back(std::to_string(i));
    ids.push_back("LONG-CHILD-ID-" + std::to_string(i));  // beyond 11 characters
  }
  ids.push_back("");
  ids.push_back("12345678901");   // exactly 11: held in the slot
  ids.push_back("123456789012");  // 12: held beside it
  for (std::size_t i = 0; i < ids.size(); ++i) {
    bool added = false;
    EXPECT_EQ(index.find_or_add(ids[i], added), i) << ids[i];
    EXPECT_TRUE(added) << ids[i];
  }
  EXPECT_EQ(index.size(), ids.size());
  for (std::size_t i = ids.size(); i-- > 0;) {
    bool added = true;
    EXPECT_EQ(index.find_or_add(ids[i], added), i) << ids[i];
    EXPECT_FALSE(added) << ids[i];
  }
  // A prefix of a long id, and a long id sharing an inline id's first characters, are other ids.
  bool added = false;
  EXPECT_EQ(index.find_or_add("LONG-CHILD-", added), ids.size());
  EXPECT_TRUE(added);
  EXPECT_EQ(index.find_or_add("1234567890123", added), ids.size() + 1);
  EXPECT_TRUE(added);
  index.clear();
  EXPECT_EQ(index.size(), 0u);
  EXPECT_EQ(index.find_or_add("7", added), 0u);
  EXPECT_TRUE(added);
}

}  // namespace
}  // namespace caseflow::returns
