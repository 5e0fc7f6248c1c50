// caseflow's XML scanner against libxml2 as the oracle: on every document both must agree on
// whether it is well formed, and on a well-formed one give the same elements, lines and text.
// The documents are a hand-written list (one per rule of well-formedness the scanner checks),
// documents whose tokens straddle the scanner's 64 KB reads, and seeded random mutants of a
// small census (mutations chosen among the characters XML gives meaning to).
#include "io/returns/xml_scanner.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "io/returns/libxml2_parser.h"
#include "io/returns/returns_error.h"
#include "io/returns/xml_reader.h"
#include "reader_test_files.h"

namespace caseflow::returns {
namespace {

using test::ScratchReturns;

// The events as text: "<Name@line", ">Name", "'text" (pieces joined), or "!error" last.
struct Recorder : XmlSink {
  std::vector<std::string> events;
  bool failed = false;
  int error_line = 0;
  std::string message;
  void start(const unsigned char* name, int line) override {
    events.push_back("<" + std::string(reinterpret_cast<const char*>(name)) + "@" + std::to_string(line));
  }
  void end(const unsigned char* name) override { events.push_back(">" + std::string(reinterpret_cast<const char*>(name))); }
  void text(const char* s, std::size_t n) override {
    if (!events.empty() && events.back()[0] == '\'') events.back().append(s, n);
    else events.push_back("'" + std::string(s, n));
  }
  void error(int line, int, const std::string& m) override {
    if (failed) return;
    failed = true;
    error_line = line;
    message = m;
  }
  bool stopped() const override { return failed; }
};

struct Outcome {
  Recorder scanner, libxml2;
  bool scanner_declined = false;  // the scanner left the file to libxml2
};

Outcome parse_both(const std::string& path) {
  Outcome o;
  {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    XmlScanner s;
    o.scanner_declined = s.scan(f, o.scanner) == XmlScanner::Result::needs_libxml2;
    std::fclose(f);
  }
  {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    Libxml2Parser p;
    p.parse(f, path, o.libxml2);
    std::fclose(f);
  }
  return o;
}

// Blank text between elements is not compared: the reader drops it, and libxml2 splits it
// differently around references.
std::vector<std::string> content(const Recorder& r) {
  std::vector<std::string> out;
  for (const auto& e : r.events) {
    if (e[0] == '\'' && e.find_first_not_of(" \t\n\r", 1) == std::string::npos) continue;
    out.push_back(e);
  }
  return out;
}

// Agreement, with a description of the first difference.
std::string disagreement(const Outcome& o) {
  if (o.scanner_declined) return "";
  if (o.scanner.failed != o.libxml2.failed)
    return std::string("scanner ") + (o.scanner.failed ? "refused: " + o.scanner.message : "accepted") + "; libxml2 " +
           (o.libxml2.failed ? "refused: " + o.libxml2.message : "accepted");
  if (o.scanner.failed) return "";
  const auto a = content(o.scanner), b = content(o.libxml2);
  for (std::size_t i = 0; i < std::max(a.size(), b.size()); ++i) {
    const std::string x = i < a.size() ? a[i] : "(end)", y = i < b.size() ? b[i] : "(end)";
    if (x == y) continue;
    // A start tag over several lines: the scanner gives the line it starts on, libxml2 the
    // line it ends on.
    const auto at = x.find('@'), at_b = y.find('@');
    if (x[0] == '<' && at != x.npos && at_b != y.npos && x.substr(0, at) == y.substr(0, at_b) &&
        std::stoi(x.substr(at + 1)) < std::stoi(y.substr(at_b + 1)))
      continue;
    return "event " + std::to_string(i) + ": scanner " + x + ", libxml2 " + y;
  }
  return "";
}

TEST(XmlScanner, AgreesWithLibxml2OnEachRuleOfWellFormedness) {
  const std::vector<std::string> documents = {
      // well formed
      "<a/>",
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Message>\n  <A>one</A>\n  <B/>\n</Message>\n",
      "\xEF\xBB\xBF<?xml version='1.0' standalone='yes'?><a>x</a>",
      "<a>1 &lt; 2 &amp;&amp; 3 &gt; 2 &quot;q&quot; &apos;a&apos;</a>",
      "<a>&#65;&#x42;&#x10FFFF;&#233;</a>",
      "<a><![CDATA[<not a tag> & ]] >]]>tail</a>",
      "<!-- before --><?pi data?><a><!-- inside - still --><?target x?>v</a><!-- after -->\n",
      "<a b=\"1\" c='2' d = \"&amp;&#60;\"  e=\"x\"/>",
      "<p:a xmlns:p=\"urn:x\"><p:b p:c=\"1\"/></p:a>",
      "<a xmlns=\"urn:d\" xml:lang=\"en\"><b/></a>",
      "<a>caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80</a>",
      "<a>line1\r\nline2\rline3</a>",
      "<a>]]</a>",
      "<a>x</a  >",
      "<a.b-c_d:e xmlns:a.b-c_d=\"u\"/>",
      "<Message><Children><Child><LAchildID>1</LAchildID></Child><Child/></Children></Message>",
      // not well formed
      "",
      "   ",
      "text<a/>",
      "<a>",
      "<a></b>",
      "<a><b></a></b>",
      "<a/><b/>",
      "<a/>text",
      "<a>&unknown;</a>",
      "<a>&amp</a>",
      "<a>& x</a>",
      "<a>&#0;</a>",
      "<a>&#xD800;</a>",
      "<a>&#;</a>",
      "<a>&#x;</a>",
      "<a>]]></a>",
      "<a>\x01</a>",
      "<a>\xC3</a>",
      "<a>\xC0\xAF</a>",
      "<a>\xED\xA0\x80</a>",
      "<a>\xEF\xBF\xBE</a>",
      "<a b=1/>",
      "<a b=\"1\" b=\"2\"/>",
      "<a b=\"<\"/>",
      "<a b=\"1\"c=\"2\"/>",
      "<a b/>",
      "<a b=\"1/>",
      "<1a/>",
      "< a/>",
      "<a / >",
      "<a><!-- x -- y --></a>",
      "<a><!-- open</a>",
      "<a><![CDATA[open</a>",
      "<![CDATA[x]]><a/>",
      "<a><?xml version=\"1.0\"?></a>",
      "<a><? no target ?></a>",
      "<a></a",
      "<p:a/>",
      "<a q:b=\"1\"/>",
      "<a:b:c xmlns:a=\"u\"/>",
      "<a>x</a><!-- ok --><?pi?>  <b/>",
      "<a><b></b></a></a>",
      "</a>",
      "<!-- only a comment -->",
      "<a\x01/>",
      "<a xsi:=\"1\"/>",
      "<a><?p:i x?></a>",
      "<a xmlns:xsi=\"u\" xsi:-b=\"1\"/>",
      "<?x?l?><a/>",
      "<a xmlns:p=\"\"/>",
      "<a xmlns:p=\"u r\"/>",
      // Found by the xml_scanner fuzzer (session 8, after 4.4 million inputs): an element may
      // not have the prefix xmlns; libxml2 refuses it and the scanner took it as declared.
      "<?x\r?>\n<xmlns:CollectUTF-8GeS/>\n\n",
      "<xmlns:a/>",
      "<a><xmlns:b></xmlns:b></a>",
      // Found by the xml_scanner fuzzer (session 9, after 8.8 million inputs): a default
      // namespace libxml2 cannot parse as a URI; the scanner checked only prefixed ones.
      "<S\rxmlns=\"e=x:0\"/>",
      "<a xmlns=\"u r\"/>",
      "<a xmlns=\"\"/>",
      "<a xmlns=\"http://www.w3.org/XML/1998/namespace\"/>",
      "<a xmlns=\"http://www.w3.org/2000/xmlns/\"/>",
      "<a xmlns:p=\"http://www.w3.org/2000/xmlns/\"/>",
      "<a xmlns=\"urn:x\"><b xmlns=\"\"/></a>",
  };
  ScratchReturns s;
  int index = 0;
  for (const std::string& doc : documents) {
    const auto path = s.write("doc" + std::to_string(index++) + ".xml", doc);
    const Outcome o = parse_both(path);
    EXPECT_FALSE(o.scanner_declined) << doc;
    EXPECT_EQ(disagreement(o), "") << "document: " << doc;
    if (o.scanner.failed) {
      EXPECT_GE(o.scanner.error_line, 1) << doc;
      EXPECT_FALSE(o.scanner.message.empty()) << doc;
    }
  }
}

TEST(XmlScanner, ErrorsNameTheLineAndWhatIsWrong) {
  ScratchReturns s;
  const auto path = s.write("bad.xml", "<Message>\n  <Children>\n    <Child></Chlid>\n</Message>\n");
  Recorder r;
  std::FILE* f = std::fopen(path.c_str(), "rb");
  XmlScanner().scan(f, r);
  std::fclose(f);
  EXPECT_EQ(r.error_line, 3);
  EXPECT_EQ(r.message, "Opening and ending tag mismatch: Child line 3 and Chlid");
  // An element's line is where its start tag begins (libxml2 gives the line where it ends).
  Recorder tag;
  f = std::fopen(s.write("tag.xml", "<a>\n<b\n c=\"1\"\n/></a>").c_str(), "rb");
  XmlScanner().scan(f, tag);
  std::fclose(f);
  EXPECT_EQ(tag.events, (std::vector<std::string>{"<a@1", "'\n", "<b@2", ">b", ">a"}));
}

TEST(XmlScanner, LeavesOtherEncodingsAndDoctypesToLibxml2BeforeAnyElement) {
  ScratchReturns s;
  for (const std::string& doc :
       {std::string("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>caf\xE9</a>"),
        std::string("<!DOCTYPE a [<!ENTITY e \"x\">]><a>&e;</a>"), std::string("\xFF\xFE<\0a\0/\0>\0", 10),
        std::string("<?xml version=\"1.0\" encoding=\"UTF-8\" bogus=\"1\"?><a/>")}) {
    const auto path = s.write("other.xml", doc);
    Recorder r;
    std::FILE* f = std::fopen(path.c_str(), "rb");
    EXPECT_EQ(XmlScanner().scan(f, r), XmlScanner::Result::needs_libxml2) << doc;
    std::fclose(f);
    EXPECT_TRUE(r.events.empty()) << doc;
    EXPECT_FALSE(r.failed) << doc;
  }
  // Through the reader, the Latin-1 file reads as UTF-8 text.
  const auto latin1 = s.write("latin1.xml", "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>caf\xE9</a>");
  XmlReader reader(latin1);
  ASSERT_TRUE(reader.root());
  EXPECT_EQ(reader.text(), "caf\xC3\xA9");
}

// Tokens straddle the 64 KB reads at every offset a document of varied element lengths gives,
// and one text is longer than a read (the buffer grows).
TEST(XmlScanner, TokensAcrossReadsAndLongTextAgreeWithLibxml2) {
  std::mt19937 rng(20261206);  // fixed seed: the same document every run
  std::string doc = "<?xml version=\"1.0\"?>\n<Message>\n";
  while (doc.size() < (std::size_t{3} << 20)) {
    const int n = static_cast<int>(rng() % 40);
    doc += "  <Item" + std::to_string(n) + " attr=\"" + std::string(static_cast<std::size_t>(n), 'v') + "\">" +
           std::string(static_cast<std::size_t>(rng() % 70), 'x') + "&amp;<!--c--><![CDATA[d]]></Item" + std::to_string(n) +
           ">\n";
  }
  doc += "  <Long>" + std::string(std::size_t{3} << 20, 'y') + "</Long>\n</Message>\n";
  ScratchReturns s;
  const Outcome o = parse_both(s.write("big.xml", doc));
  EXPECT_FALSE(o.scanner.failed) << o.scanner.message;
  EXPECT_EQ(disagreement(o), "");
  EXPECT_GT(o.scanner.events.size(), 100000u);
}

// Random mutants of a small census: 3,000 of them, seeded, each one to four edits of a byte.
TEST(XmlScanner, AgreesWithLibxml2OnRandomMutants) {
  const std::string census =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Message xmlns:xsi=\"urn:x\">\n  <Header><Year>2024</Year></Header>\n"
      "  <Children>\n    <Child>\n      <LAchildID>A&amp;1</LAchildID>\n      <!-- note -->\n"
      "      <CINdetails><CINreferralDate>2023-04-01</CINreferralDate><Code xsi:nil=\"false\">RC8</Code></CINdetails>\n"
      "    </Child>\n    <Child><Empty/><T><![CDATA[x]]></T><U>&#233;</U></Child>\n  </Children>\n</Message>\n";
  const std::string alphabet = "<>/&;#x=\"':!?-[] \n\rAa1\x80\xC3\xA9\x01";
  std::mt19937 rng(42);  // fixed seed: the same mutants every run
  ScratchReturns s;
  int disagreements = 0, refused = 0;
  for (int k = 0; k < 3000; ++k) {
    std::string doc = census;
    const int edits = 1 + static_cast<int>(rng() % 4);
    for (int e = 0; e < edits; ++e) {
      const std::size_t at = rng() % doc.size();
      const char c = alphabet[rng() % alphabet.size()];
      switch (rng() % 3) {
        case 0: doc[at] = c; break;
        case 1: doc.insert(doc.begin() + static_cast<std::ptrdiff_t>(at), c); break;
        default: doc.erase(at, 1);
      }
    }
    const Outcome o = parse_both(s.write("m.xml", doc));
    const std::string d = disagreement(o);
    if (o.scanner.failed) ++refused;
    if (!d.empty() && ++disagreements <= 10) ADD_FAILURE() << d << "\ndocument:\n" << doc;
  }
  EXPECT_EQ(disagreements, 0);
  EXPECT_GT(refused, 1000);  // the mutations do break documents: the agreement is not on trivia
}

}  // namespace
}  // namespace caseflow::returns
