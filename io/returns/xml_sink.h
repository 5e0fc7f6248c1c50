#pragma once
// What an XML parser hands the returns' XmlReader: elements, their text, and at most one error.
// Two parsers produce it (xml_scanner for UTF-8 files, the libxml2 one for other encodings and
// DOCTYPEs), so the reader sees one stream whichever read the file.
#include <cstddef>
#include <string>

namespace caseflow::returns {

class XmlSink {
 public:
  virtual ~XmlSink() = default;
  // `name` is the element's local name (no namespace prefix), interned: one name is one
  // pointer for the whole file, and it lives as long as the parser that gave it.
  virtual void start(const unsigned char* name, int line) = 0;
  virtual void end(const unsigned char* name) = 0;
  // An element's character data, entities decoded; it may come in several pieces.
  virtual void text(const char* chars, std::size_t size) = 0;
  // The first error in the file ends the parse: where it is and what is wrong.
  virtual void error(int line, int column, const std::string& message) = 0;
  // The reader has gone away (an error of its own): the parser may stop early.
  virtual bool stopped() const = 0;
};

}  // namespace caseflow::returns
