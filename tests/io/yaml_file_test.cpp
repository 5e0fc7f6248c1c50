// What yaml-cpp would accept but change, drop or misread is an error with its place (issue
// 16): duplicate keys, a second document, keys that are not names, text that is not UTF-8,
// non-decimal numbers, and `extends:` naming a folder, a FIFO, nothing, a missing file or a
// cycle (each reported at the `extends:` line). Each scenario here is written to a scratch
// folder and extends a copy of the baseline.
#include "io/yaml_file.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "io/scenario_yaml.h"
#include "io/user_error.h"
#include "tests/scratch_dir.h"

namespace caseflow::io {
namespace {

namespace fs = std::filesystem;

class YamlFile : public ::testing::Test {
 protected:
  void SetUp() override { fs::copy_file(std::string(CASEFLOW_SOURCE_DIR) + "/scenarios/baseline.yaml", dir_ / "base.yaml"); }
  std::string write(const std::string& name, const std::string& text) const { return scratch_.write(name, text); }
  // The error's text after the scratch folder, e.g. "dup.yaml:3:1: ...".
  std::string error(const std::string& path) const {
    try {
      (void)load_scenario(path);
    } catch (const UserError& e) {
      std::string m = e.what();
      const std::string prefix = dir_.string() + "/";
      for (std::size_t at; (at = m.find(prefix)) != std::string::npos;) m.erase(at, prefix.size());
      return m;
    }
    return "loaded";
  }
  const test::ScratchDir scratch_;
  const fs::path dir_ = scratch_.path();
};

TEST_F(YamlFile, DuplicateKeysNameBothLines) {
  EXPECT_EQ(error(write("dup.yaml", "extends: base.yaml\nname: a\nname: b\n")),
            "dup.yaml:3:1: 'name' is given twice in this map (first on line 2); keep one");
}

TEST_F(YamlFile, ASecondDocumentIsAnErrorNotDropped) {
  EXPECT_EQ(error(write("multi.yaml", "extends: base.yaml\nname: a\n---\nname: b\n")),
            "multi.yaml:3:1: a second YAML document starts here (a `---` line): a scenario is one document; remove it");
  EXPECT_EQ(error(write("ended.yaml", "extends: base.yaml\n...\nname: b\n")),
            "ended.yaml:2:1: a second YAML document starts here (a `...` line): a scenario is one document; remove it");
  // A `---` before any content starts the one document.
  EXPECT_EQ(error(write("first.yaml", "# a comment\n---\nextends: base.yaml\nname: x\n")), "loaded");
  // Found by fuzzing: yaml-cpp's LoadAll loops for ever on a stray `]` after a comment.
  EXPECT_EQ(error(write("stray.yaml", "# a comment, 1.#\n, 0.035, 0.030, 1.0]\n")), "stray.yaml:1:1: a scenario must be a map of keys");
}

TEST_F(YamlFile, KeysMustBeNames) {
  EXPECT_EQ(error(write("key.yaml", "extends: base.yaml\n? [a, b]\n: 1\n")), "key.yaml:2:3: a key must be a plain name, not a list or a map");
}

TEST_F(YamlFile, TextMustBeUtf8) {
  EXPECT_EQ(error(write("latin.yaml", "extends: base.yaml\nname: \"caf\xE9\"\n")), "latin.yaml:2:11: not UTF-8 text (save the file as UTF-8)");
}

TEST_F(YamlFile, NumbersAreDecimal) {
  EXPECT_EQ(error(write("hex.yaml", "extends: base.yaml\nseed: 0x10\n")), "hex.yaml:2:7: seed: expected a number, got '0x10'");
  for (const char* yes : {"12", "-3", "+0.25", ".5", "5.", "1e5", "2.5E-3"}) EXPECT_TRUE(is_decimal_number(yes)) << yes;
  for (const char* no : {"0x10", "0o17", ".inf", ".nan", "1_000", "", "-", "1e", "e5", " 1", "1 "}) EXPECT_FALSE(is_decimal_number(no)) << no;
}

TEST_F(YamlFile, ExtendsProblemsAreReportedAtTheExtendsLine) {
  EXPECT_EQ(error(write("folder.yaml", "name: x\nextends: " + dir_.string() + "\n")),
            "folder.yaml:2:10: extends: " + dir_.string() + ": is a folder, not a scenario file");
  EXPECT_EQ(error(write("empty.yaml", "extends: \"\"\n")), "empty.yaml:1:10: extends: expected a file name");
  EXPECT_EQ(error(write("missing.yaml", "extends: nope.yaml\n")), "missing.yaml:1:10: extends: nope.yaml: no such file");
  write("one.yaml", "extends: two.yaml\n");
  EXPECT_EQ(error(write("two.yaml", "extends: one.yaml\n")), "one.yaml:1:10: extends: two.yaml forms a cycle (it is already in the chain)");
  ASSERT_EQ(mkfifo((dir_ / "fifo.yaml").c_str(), 0600), 0);
  EXPECT_EQ(error(write("tofifo.yaml", "extends: fifo.yaml\n")),
            "tofifo.yaml:1:10: extends: fifo.yaml: is not a regular file (a FIFO, socket or device): refused unread");
}

TEST_F(YamlFile, TheFileNamedItselfIsCheckedAlike) {
  EXPECT_EQ(error(dir_.string()), dir_.string() + ": is a folder, not a scenario file");
  EXPECT_NE(error((dir_ / std::string(300, 'x')).string() + ".yaml").find("cannot read it: File name too long"), std::string::npos);
}

}  // namespace
}  // namespace caseflow::io
