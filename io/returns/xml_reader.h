#pragma once
// A streaming (pull) reader for the XML returns: England's CIN census is hundreds of megabytes,
// so no file is ever held as a DOM or even as a whole. The parser runs on a thread of its own:
// caseflow's scanner for UTF-8 files (xml_scanner.h; faster than libxml2, docs/performance.md), or
// libxml2's SAX2 parser for other encodings and DOCTYPEs (libxml2_parser.h). It hands over the
// elements and their text in small blocks through a bounded queue, so parsing one file and
// interpreting it overlap on two cores while memory stays a few blocks.
// The reader keeps the element path with sibling indexes
// (Message/Children/Child[1234]/CINdetails[2]/CINreferralDate) so that every error names the
// element, and the line where it starts. A malformed file becomes one ReturnsError
// "FILE:LINE:COL: what is wrong" at the place in the stream where the parser found it, and
// nothing is printed to stderr.
//
// Use: on an element at depth d, `while (r.next_child(d)) { switch on r.name(); consume the
// child with r.text(), a nested next_child loop, or r.skip(); }`.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "io/returns/history.h"

namespace caseflow::returns {

class XmlReader {
 public:
  explicit XmlReader(std::string path);
  ~XmlReader();
  XmlReader(const XmlReader&) = delete;
  XmlReader& operator=(const XmlReader&) = delete;

  // Moves to the root element (depth 0); false if the document has none.
  bool root();
  // Moves to the next child element of the element at `parent_depth`; false once that element
  // has ended (the reader is then on its end).
  bool next_child(int parent_depth);
  std::string_view name() const;  // local name of the current element
  int depth() const { return depth_; }
  // The text content of the current element (trimmed; "" for <X/>), leaving the reader on
  // its end. A child element inside is an error. The view lives until the next call.
  std::string_view text();
  MaybeDay date();         // text() as a date: nullopt when empty; an error when not a date
  Day required_date();     // as date(), and an empty element is an error too
  void skip();             // skips the current element and everything in it

  int line() const;  // line where the current element starts
  const std::string& file() const { return file_; }
  std::string path() const;  // Message/Children/Child[1234]/CINdetails[2]/CINreferralDate
  // Throws ReturnsError "FILE:LINE: PATH: what".
  [[noreturn]] void fail(const std::string& what) const;


 private:
  struct Event;  // one thing the parser saw (defined in xml_reader.cpp)
  struct Block;  // events handed over together
  class Parser;  // the parser thread
  const Event* read();  // the next start or end event (text events stay for text()); nullptr at the end
  const Event* next_event();  // the next event of any kind; a parse error throws here
  void enter(const Event& start);  // records the element just reached in the path

  struct Frame {
    const unsigned char* name = nullptr;  // interned by the parser
    int index = 1;                        // 1-based among same-named siblings
    int line = 0;
    std::vector<std::pair<const unsigned char*, int>> seen;  // children's names so far
  };
  std::string file_;
  std::unique_ptr<Parser> parser_;
  std::unique_ptr<Block> block_;  // the block being read
  std::size_t next_ = 0;          // its next event
  std::vector<Frame> frames_;     // frames_[0 .. depth_] are live; deeper ones keep their capacity
  int depth_ = -1;                // depth of the current element (start or end)
  int open_ = -1;                 // depth of the innermost element not yet ended
  bool on_start_ = false;         // the current node is a start (false: an end)
  const unsigned char* name_ = nullptr;
  std::string text_;
};

}  // namespace caseflow::returns
