#include "io/returns/xml_reader.h"

#include <gtest/gtest.h>

#include "io/returns/returns_error.h"
#include "reader_test_files.h"

namespace caseflow::returns {
namespace {

using test::ScratchReturns;

TEST(XmlReader, WalksChildrenAndReadsText) {
  ScratchReturns s;
  const auto path = s.write("a.xml", "<?xml version=\"1.0\"?>\n<Message><Empty/><A> one </A><B><C>2</C><C/></B></Message>\n");
  XmlReader r(path);
  ASSERT_TRUE(r.root());
  EXPECT_EQ(r.name(), "Message");
  std::vector<std::string> seen;
  const int d = r.depth();
  while (r.next_child(d)) {
    seen.emplace_back(r.name());
    if (r.name() == "A") EXPECT_EQ(r.text(), "one");
    else if (r.name() == "B") {
      const int b = r.depth();
      while (r.next_child(b)) seen.push_back("C=" + std::string(r.text()));
    } else r.skip();
  }
  EXPECT_EQ(seen, (std::vector<std::string>{"Empty", "A", "B", "C=2", "C="}));
}

TEST(XmlReader, AFieldErrorNamesTheElementPathAndLine) {
  ScratchReturns s;
  const auto path = s.write("cin.xml",
                            "<Message>\n<Children>\n<Child><X>1</X></Child>\n<Child>\n<CINdetails/>\n<CINdetails>\n"
                            "<CINreferralDate>2019-02-30</CINreferralDate>\n</CINdetails></Child></Children></Message>\n");
  XmlReader r(path);
  ASSERT_TRUE(r.root());
  try {
    while (r.next_child(0)) {
      const int c = r.depth();
      while (r.next_child(c)) {
        const int k = r.depth();
        while (r.next_child(k)) {
          const int x = r.depth();
          while (r.next_child(x)) r.date();
        }
      }
    }
    FAIL() << "no error";
  } catch (const ReturnsError& e) {
    EXPECT_EQ(std::string(e.what()), path + ":7: Message/Children/Child[2]/CINdetails[2]/CINreferralDate: '2019-02-30' is not a date "
                                               "(yyyy-mm-dd, dd/mm/yyyy or dd/mm/yy)");
  }
}

TEST(XmlReader, MalformedXmlIsOneLocatedErrorAndNothingOnStderr) {
  ScratchReturns s;
  const auto path = s.write("bad.xml", "<Message>\n  <Children>\n    <Child></Chlid>\n</Message>\n");
  testing::internal::CaptureStderr();
  std::string message;
  try {
    XmlReader r(path);
    r.root();
    while (r.next_child(0)) r.skip();
  } catch (const ReturnsError& e) {
    message = e.what();
  }
  EXPECT_EQ(testing::internal::GetCapturedStderr(), "");
  EXPECT_EQ(message.rfind(path + ":3:", 0), 0u) << message;
  EXPECT_NE(message.find("Child"), std::string::npos) << message;  // libxml2's own words name the mismatch
}

TEST(XmlReader, AFileThatCannotBeOpenedIsAnErrorAndNothingOnStderr) {
  ScratchReturns s;
  testing::internal::CaptureStderr();
  std::string message;
  try {
    XmlReader r(s.dir() + "/gone.xml");
    r.root();
  } catch (const ReturnsError& e) {
    message = e.what();
  }
  EXPECT_EQ(testing::internal::GetCapturedStderr(), "");
  EXPECT_EQ(message.rfind(s.dir() + "/gone.xml", 0), 0u) << message;
}

}  // namespace
}  // namespace caseflow::returns
