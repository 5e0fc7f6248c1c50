#pragma once
// libxml2's SAX2 parser behind the XmlSink interface: the reader for the XML returns that
// caseflow's own scanner (xml_scanner.h) leaves to a full parser: encodings other than UTF-8,
// and files with a DOCTYPE. libxml2's own error printing is replaced by a structured handler,
// so a malformed file is one error in the sink and nothing is printed.
#include <cstdio>
#include <string>

#include "io/returns/xml_sink.h"

struct _xmlParserCtxt;
struct _xmlError;

namespace caseflow::returns {

class Libxml2Parser {
 public:
  Libxml2Parser() = default;
  ~Libxml2Parser();  // the names handed to the sink live until here (libxml2's dictionary)
  Libxml2Parser(const Libxml2Parser&) = delete;
  Libxml2Parser& operator=(const Libxml2Parser&) = delete;

  // Parses the file from its current position; `path` names it in libxml2's messages.
  void parse(std::FILE* file, const std::string& path, XmlSink& sink);

 private:
  _xmlParserCtxt* context_ = nullptr;
  XmlSink* sink_ = nullptr;
  bool failed_ = false;
  static void on_start(void*, const unsigned char*, const unsigned char*, const unsigned char*, int, const unsigned char**,
                       int, int, const unsigned char**);
  static void on_end(void*, const unsigned char*, const unsigned char*, const unsigned char*);
  static void on_text(void*, const unsigned char*, int);
  static void on_error(void*, ::_xmlError*);
  static Libxml2Parser& of(void* context);
};

}  // namespace caseflow::returns
