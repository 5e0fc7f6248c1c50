#pragma once
// caseflow's own XML scanner for UTF-8 returns: 1.6 times as fast as libxml2's SAX parser on a
// CIN census, without the SAX layer's copies (bench/xml_scanner_bench, docs/performance.md);
// that is what reading a large council's returns in under 2 seconds needed. It checks what makes XML well formed (one root, matched
// tags, quoted and unique attributes, declared namespace prefixes, defined entities and valid
// character references, UTF-8 and the characters XML allows, comments, CDATA sections,
// processing instructions) and reports the first fault with its line and column; it does not
// validate against a schema (that is xmllint's job, in the tests).
//
// What it leaves to libxml2, before any element is read: a file whose declaration names an
// encoding other than UTF-8, or that starts with a UTF-16/UTF-32 byte-order mark, or has a
// declaration it cannot read, or carries a DOCTYPE (whose entities only a full parser expands).
// scan() then returns needs_libxml2 and the caller rereads the file with libxml2.
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "io/returns/xml_sink.h"

namespace caseflow::returns {

class XmlScanner {
 public:
  enum class Result { done, needs_libxml2 };

  XmlScanner();
  // Reads the file from its current position to the end (or the first error, which goes to
  // the sink) and hands the elements and text to the sink. Names stay valid while the scanner lives.
  Result scan(std::FILE* file, XmlSink& sink);

 private:
  // Interned names: a name's bytes -> one stable pointer (with its local part for a prefixed name).
  struct Name {
    const unsigned char* text = nullptr;   // NUL-terminated
    const Name* local = this;              // the part after the prefix ("p:Child" -> "Child")
    std::uint32_t prefix_size = 0;         // 0 without a prefix
    std::uint32_t size = 0;
    bool has_colon = false;  // and qualified when it is one prefix and one local part ("p:Child", not "a:b:c")
    bool qualified = false;
    mutable const Name* next = nullptr;  // the start tag that followed this one last time
    std::string_view local_view() const { return {reinterpret_cast<const char*>(local->text), local->size}; }
  };
  struct Open {
    const Name* name;
    int line;
    std::size_t declared;  // namespace prefixes declared before this element
  };
  enum class Step { ok, more, failed };  // a token was read, needs more input, or was an error (or libxml2)
  enum class Chars { content, attribute, raw };  // raw: comments, CDATA, PIs (no references)

  const Name* intern(std::string_view bytes);

  bool fill();  // keeps [pos_, end_), reads more after it; false at the end of the file
  Step token();
  Step text_token();
  Step markup_token();
  Step start_tag();
  Step end_tag();
  Step comment();
  Step cdata();
  Step processing_instruction();
  Step prolog();  // the byte-order mark and the XML declaration, at the start of the file
  Step give_to_libxml2();

  // Checks text (or an attribute value) for references, characters and UTF-8; appends the
  // decoded text to `decoded_` when it differs from the bytes (references, CR). A fault is
  // reported (fail) and gives false.
  bool check_chars(std::size_t from, std::size_t to, Chars kind, bool& changed);
  std::size_t name_end(std::size_t from) const;  // end of the XML name starting at `from` (== from: none)
  std::size_t find(std::size_t from, std::string_view needle) const;  // in the bytes read; end_ when absent

  int line_at(std::size_t offset);  // 1-based line of a buffer offset at or after the last one asked
  Step fail(std::size_t offset, const std::string& message);
  // The token starting at `offset` runs past the bytes read: more input, or at the end of the
  // file the error `what`.
  Step more(std::size_t offset, const std::string& what);

  std::vector<std::unique_ptr<unsigned char[]>> name_storage_;
  std::vector<std::unique_ptr<Name>> names_;
  std::vector<const Name*> table_;  // open addressing on the name's bytes

  std::FILE* file_ = nullptr;
  XmlSink* sink_ = nullptr;
  std::vector<char> buffer_;
  std::size_t pos_ = 0, end_ = 0;  // the unread bytes
  bool at_eof_ = false, read_error_ = false, too_long_ = false, prolog_pending_ = false;
  int line_ = 1;                 // line at line_offset_
  std::size_t line_offset_ = 0;  // buffer offset up to which lines are counted
  std::vector<Open> open_;       // the elements started and not ended
  const Name* last_start_ = nullptr;
  std::vector<std::string> prefixes_;  // declared namespace prefixes, innermost last
  bool root_seen_ = false, root_done_ = false, needs_libxml2_ = false;
  std::string decoded_;
  std::vector<std::string_view> attributes_;  // the current start tag's attribute names
};

}  // namespace caseflow::returns
