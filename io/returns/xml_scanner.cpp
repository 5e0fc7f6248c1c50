#include "io/returns/xml_scanner.h"

#include <algorithm>
#include <array>
#include <cstring>

#include <libxml/uri.h>

namespace caseflow::returns {

namespace {

// Bytes read at a time: a small file (most inputs of the fuzzers) takes 64 KB, a large one
// grows it to 1 MB (fewer reads on a census of hundreds of megabytes).
constexpr std::size_t kFirstChunk = std::size_t{64} << 10;
constexpr std::size_t kChunk = std::size_t{1} << 20;
constexpr std::size_t kLongestToken = std::size_t{64} << 20;  // a tag or a text longer than this is refused

// What a byte means inside text and attribute values: most are plain and skipped in a tight loop.
enum ByteClass : unsigned char { plain, ampersand, bracket, carriage_return, less_than, control, high };
constexpr std::array<unsigned char, 256> kTextClass = [] {
  std::array<unsigned char, 256> t{};
  for (int c = 0; c < 0x20; ++c) t[static_cast<std::size_t>(c)] = control;
  t['\t'] = t['\n'] = plain;
  t['\r'] = carriage_return;
  t['&'] = ampersand;
  t[']'] = bracket;
  t['<'] = less_than;
  for (int c = 0x80; c < 0x100; ++c) t[static_cast<std::size_t>(c)] = high;
  return t;
}();

// Name characters (XML 1.0): ASCII letters, '_', ':', and anything non-ASCII start a name
// (non-ASCII is checked as UTF-8 only); digits, '-' and '.' may follow.
constexpr std::array<unsigned char, 256> kNameClass = [] {
  std::array<unsigned char, 256> t{};  // 0 none, 1 may follow, 2 may start
  for (int c = 'A'; c <= 'Z'; ++c) t[static_cast<std::size_t>(c)] = 2;
  for (int c = 'a'; c <= 'z'; ++c) t[static_cast<std::size_t>(c)] = 2;
  t['_'] = t[':'] = 2;
  for (int c = 0x80; c < 0x100; ++c) t[static_cast<std::size_t>(c)] = 2;
  for (int c = '0'; c <= '9'; ++c) t[static_cast<std::size_t>(c)] = 1;
  t['-'] = t['.'] = 1;
  return t;
}();

bool blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// The Char production of XML 1.0.
bool xml_char(std::uint32_t c) {
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) ||
         (c >= 0x10000 && c <= 0x10FFFF);
}

// The length of the well-formed UTF-8 sequence at s (n bytes there), 0 if it is not one.
std::size_t utf8_sequence(const unsigned char* s, std::size_t n, std::uint32_t& code) {
  const unsigned char c = s[0];
  std::size_t len;
  std::uint32_t min;
  if (c >= 0xC2 && c <= 0xDF) len = 2, min = 0x80, code = c & 0x1Fu;
  else if (c >= 0xE0 && c <= 0xEF) len = 3, min = 0x800, code = c & 0x0Fu;
  else if (c >= 0xF0 && c <= 0xF4) len = 4, min = 0x10000, code = c & 0x07u;
  else return 0;
  if (n < len) return 0;
  for (std::size_t k = 1; k < len; ++k) {
    if ((s[k] & 0xC0u) != 0x80u) return 0;
    code = (code << 6) | (s[k] & 0x3Fu);
  }
  if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return 0;
  return len;
}

void append_utf8(std::string& out, std::uint32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

// A name's hash from its length and its first and last eight bytes: names are short and
// distinct at their ends, and this costs the same for every name (a byte-by-byte hash over
// every start tag was a seventh of the scan).
std::uint64_t name_hash(std::string_view s) {
  std::uint64_t head = 0, tail = 0;
  if (s.size() >= 8) {
    std::memcpy(&head, s.data(), 8);
    std::memcpy(&tail, s.data() + s.size() - 8, 8);
  } else {
    std::memcpy(&head, s.data(), s.size());
  }
  std::uint64_t h = (head ^ (tail * 0x9E3779B97F4A7C15ull) ^ s.size()) * 0xFF51AFD7ED558CCDull;
  return h ^ (h >> 29);
}

bool starts_with(const char* s, std::size_t n, std::string_view prefix) {
  return n >= prefix.size() && std::memcmp(s, prefix.data(), prefix.size()) == 0;
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// A name with a colon is a prefix and a local part, each a name without colons ("p:Child",
// not "a:b:c", "p:" or "p:-x").
bool qualified_name(std::string_view name) {
  const std::size_t colon = name.find(':');
  return colon > 0 && colon + 1 < name.size() && name.find(':', colon + 1) == std::string_view::npos &&
         kNameClass[static_cast<unsigned char>(name[colon + 1])] == 2;
}

// What is wrong with declaring `prefix` for `uri` (the rules of Namespaces in XML 1.0 that
// libxml2 enforces), or "".
constexpr std::string_view kXmlNamespace = "http://www.w3.org/XML/1998/namespace";
constexpr std::string_view kXmlnsNamespace = "http://www.w3.org/2000/xmlns/";

std::string namespace_fault(std::string_view prefix, const std::string& uri) {
  const std::string declared = "xmlns:" + std::string(prefix);
  if (prefix == "xmlns") return "redefinition of the xmlns prefix is forbidden";
  if (prefix == "xml") return uri == kXmlNamespace ? "" : "xml namespace prefix mapped to wrong URI";
  if (uri == kXmlNamespace) return "reuse of the XML namespace name is forbidden";
  if (uri == kXmlnsNamespace) return "reuse of the xmlns namespace name is forbidden";
  if (uri.empty()) return declared + ": Empty XML namespace is not allowed";
  xmlURIPtr parsed = xmlParseURI(uri.c_str());
  if (!parsed) return declared + ": '" + uri + "' is not a valid URI";
  xmlFreeURI(parsed);
  return "";
}

// The same for the default namespace (xmlns="..."): an empty value undeclares it; libxml2
// refuses a value it cannot parse as a URI and the two reserved namespace names.
std::string default_namespace_fault(const std::string& uri) {
  if (uri.empty()) return "";
  xmlURIPtr parsed = xmlParseURI(uri.c_str());
  if (!parsed) return "xmlns: '" + uri + "' is not a valid URI";
  xmlFreeURI(parsed);
  if (uri == kXmlNamespace) return "xml namespace URI cannot be the default namespace";
  if (uri == kXmlnsNamespace) return "reuse of the xmlns namespace name is forbidden";
  return "";
}

}  // namespace

XmlScanner::XmlScanner() : table_(256, nullptr) {}

const XmlScanner::Name* XmlScanner::intern(std::string_view bytes) {
  if (names_.size() * 2 >= table_.size()) {
    std::vector<const Name*> bigger(table_.size() * 2, nullptr);
    for (const auto& n : names_) {
      std::size_t k = name_hash({reinterpret_cast<const char*>(n->text), n->size}) & (bigger.size() - 1);
      while (bigger[k]) k = (k + 1) & (bigger.size() - 1);
      bigger[k] = n.get();
    }
    table_.swap(bigger);
  }
  std::size_t k = name_hash(bytes) & (table_.size() - 1);
  for (; table_[k]; k = (k + 1) & (table_.size() - 1))
    if (table_[k]->size == bytes.size() && std::memcmp(table_[k]->text, bytes.data(), bytes.size()) == 0) return table_[k];
  auto text = std::make_unique<unsigned char[]>(bytes.size() + 1);
  std::memcpy(text.get(), bytes.data(), bytes.size());
  text[bytes.size()] = 0;
  auto name = std::make_unique<Name>();
  name->text = text.get();
  name->size = static_cast<std::uint32_t>(bytes.size());
  Name* made = name.get();
  name_storage_.push_back(std::move(text));
  names_.push_back(std::move(name));
  table_[k] = made;
  const std::size_t colon = bytes.find(':');
  if (colon != std::string_view::npos) {
    made->has_colon = true;
    made->qualified = qualified_name(bytes);
    if (made->qualified) {
      made->prefix_size = static_cast<std::uint32_t>(colon);
      made->local = intern(bytes.substr(colon + 1));  // may grow the table: `made` is already in it
    }
  }
  return made;
}

bool XmlScanner::fill() {
  if (at_eof_) return false;
  if (sink_->stopped()) {  // asked once a buffer: the reader has gone, or an error was reported
    at_eof_ = true;
    return false;
  }
  line_at(pos_);  // count the lines of the bytes about to be dropped
  const std::size_t keep = end_ - pos_;
  if (pos_ > 0) {
    std::memmove(buffer_.data(), buffer_.data() + pos_, keep);
    line_offset_ -= pos_;
    pos_ = 0;
    end_ = keep;
  }
  if (buffer_.size() - end_ < std::min(buffer_.size(), kChunk) / 2) {
    if (buffer_.size() >= kLongestToken) {
      too_long_ = true;
      return false;
    }
    buffer_.resize(buffer_.size() * 2);
  }
  const std::size_t wanted = buffer_.size() - end_;
  const std::size_t n = std::fread(buffer_.data() + end_, 1, wanted, file_);
  end_ += n;
  if (n == wanted && buffer_.size() < kChunk) buffer_.resize(buffer_.size() * 2);  // a large file
  if (n == 0) {
    at_eof_ = true;
    read_error_ = std::ferror(file_) != 0;
    return false;
  }
  return true;
}

int XmlScanner::line_at(std::size_t offset) {
  if (offset > line_offset_) {
    line_ += static_cast<int>(std::count(buffer_.data() + line_offset_, buffer_.data() + offset, '\n'));
    line_offset_ = offset;
  }
  return line_;
}

XmlScanner::Step XmlScanner::fail(std::size_t offset, const std::string& message) {
  offset = std::min(offset, end_);
  const int line = line_at(std::max(offset, line_offset_));
  std::size_t start = offset;
  while (start > 0 && buffer_[start - 1] != '\n') --start;
  sink_->error(line, static_cast<int>(offset - start) + 1, message);
  return Step::failed;
}

XmlScanner::Step XmlScanner::more(std::size_t offset, const std::string& what) {
  return at_eof_ ? fail(offset, what) : Step::more;
}

XmlScanner::Result XmlScanner::scan(std::FILE* file, XmlSink& sink) {
  file_ = file;
  sink_ = &sink;
  buffer_.assign(kFirstChunk, 0);
  fill();
  Step step = prolog();
  while (step != Step::failed) {
    if (step == Step::more) {
      if (!fill()) {
        if (too_long_) {
          fail(pos_, "a tag or text longer than " + std::to_string(kLongestToken >> 20) + " MB");
          break;
        }
        if (read_error_) {
          fail(pos_, "cannot read the file");
          break;
        }
      }
    } else if (pos_ == end_ && !fill()) {
      if (read_error_) fail(pos_, "cannot read the file");
      else if (!open_.empty())
        fail(end_, "Premature end of data in tag " + std::string(reinterpret_cast<const char*>(open_.back().name->text)) +
                       " line " + std::to_string(open_.back().line));
      else if (!root_seen_) fail(end_, "Document is empty");
      break;
    }
    step = (step == Step::more && prolog_pending_) ? prolog() : token();
  }
  return needs_libxml2_ ? Result::needs_libxml2 : Result::done;
}

XmlScanner::Step XmlScanner::give_to_libxml2() {
  needs_libxml2_ = true;
  return Step::failed;
}

XmlScanner::Step XmlScanner::prolog() {
  prolog_pending_ = true;
  const auto* b = reinterpret_cast<const unsigned char*>(buffer_.data());
  const std::size_t n = end_ - pos_;
  if (n < 4 && !at_eof_) return Step::more;
  // Byte-order marks and first bytes of UTF-16, UTF-32 and EBCDIC documents.
  if (n >= 2 && ((b[0] == 0xFE && b[1] == 0xFF) || (b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0 || b[1] == 0)))
    return give_to_libxml2();
  if (n >= 4 && b[0] == 0x4C && b[1] == 0x6F && b[2] == 0xA7 && b[3] == 0x94) return give_to_libxml2();
  std::size_t i = pos_;
  if (n >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF) i += 3;
  const char* s = buffer_.data();
  if (starts_with(s + i, end_ - i, "<?xml") && i + 5 < end_ && blank(s[i + 5])) {
    const void* close = std::memchr(s + i, '>', end_ - i);
    if (!close) return at_eof_ ? give_to_libxml2() : Step::more;
    const std::size_t stop = static_cast<std::size_t>(static_cast<const char*>(close) - s);
    if (s[stop - 1] != '?') return give_to_libxml2();
    // version="1.x" [encoding="..."] [standalone="yes|no"]: anything else is libxml2's to report.
    std::size_t k = i + 5;
    std::string encoding;
    bool first = true;
    for (;;) {
      const std::size_t before = k;
      while (k < stop - 1 && blank(s[k])) ++k;
      if (k == stop - 1) break;
      if (k == before) return give_to_libxml2();
      const std::size_t name_stop = name_end(k);
      const std::string_view name(s + k, name_stop - k);
      k = name_stop;
      while (k < stop - 1 && blank(s[k])) ++k;
      if (k >= stop - 1 || s[k] != '=') return give_to_libxml2();
      ++k;
      while (k < stop - 1 && blank(s[k])) ++k;
      if (k >= stop - 1 || (s[k] != '"' && s[k] != '\'')) return give_to_libxml2();
      const char quote = s[k];
      const std::size_t value_start = ++k;
      while (k < stop - 1 && s[k] != quote) ++k;
      if (k >= stop - 1) return give_to_libxml2();
      const std::string_view value(s + value_start, k - value_start);
      ++k;
      if (first ? name != "version" : name == "version") return give_to_libxml2();
      if (name == "version" && (value.size() < 3 || value.substr(0, 2) != "1." ||
                                value.find_first_not_of("0123456789", 2) != std::string_view::npos))
        return give_to_libxml2();
      if (name == "encoding") encoding = lower_ascii(value);
      else if (name == "standalone" && value != "yes" && value != "no") return give_to_libxml2();
      else if (name != "version" && name != "encoding" && name != "standalone") return give_to_libxml2();
      first = false;
    }
    if (first) return give_to_libxml2();
    if (!encoding.empty() && encoding != "utf-8" && encoding != "utf8") return give_to_libxml2();
    i = stop + 1;
  }
  pos_ = i;
  prolog_pending_ = false;
  return Step::ok;
}

XmlScanner::Step XmlScanner::token() { return buffer_[pos_] == '<' ? markup_token() : text_token(); }

XmlScanner::Step XmlScanner::text_token() {
  const char* s = buffer_.data();
  const void* lt = std::memchr(s + pos_, '<', end_ - pos_);
  if (!lt && !at_eof_) return Step::more;
  const std::size_t to = lt ? static_cast<std::size_t>(static_cast<const char*>(lt) - s) : end_;
  if (open_.empty()) {  // outside the root element only blanks may stand
    for (std::size_t i = pos_; i < to; ++i)
      if (!blank(s[i]))
        return fail(i, root_done_ ? "Extra content at the end of the document" : "Start tag expected, '<' not found");
    pos_ = to;
    return Step::ok;
  }
  bool changed = false;
  if (!check_chars(pos_, to, Chars::content, changed)) return Step::failed;
  if (changed) sink_->text(decoded_.data(), decoded_.size());
  else sink_->text(s + pos_, to - pos_);
  pos_ = to;
  return Step::ok;
}

bool XmlScanner::check_chars(std::size_t from, std::size_t to, Chars kind, bool& changed) {
  const auto* s = reinterpret_cast<const unsigned char*>(buffer_.data());
  changed = false;
  std::size_t i = from, copied = from;  // once changed, decoded_ holds [from, copied) decoded
  auto start_changing = [&](std::size_t upto) {
    if (!changed) decoded_.clear();
    changed = true;
    decoded_.append(reinterpret_cast<const char*>(s) + copied, upto - copied);
  };
  while (i < to) {
    const unsigned char k = kTextClass[s[i]];
    if (k == plain) {
      ++i;
      continue;
    }
    switch (k) {
      case ampersand: {
        if (kind == Chars::raw) {
          ++i;
          break;
        }
        std::size_t j = i + 1;
        std::uint32_t code = 0;
        if (j < to && s[j] == '#') {
          const bool hex = j + 1 < to && s[j + 1] == 'x';
          j += hex ? 2 : 1;
          std::size_t digits = 0;
          for (; j < to; ++j, ++digits) {
            int d;
            if (s[j] >= '0' && s[j] <= '9') d = s[j] - '0';
            else if (hex && s[j] >= 'a' && s[j] <= 'f') d = s[j] - 'a' + 10;
            else if (hex && s[j] >= 'A' && s[j] <= 'F') d = s[j] - 'A' + 10;
            else break;
            code = std::min<std::uint32_t>(code * (hex ? 16 : 10) + static_cast<std::uint32_t>(d), 0x110000);
          }
          if (digits == 0 || j >= to || s[j] != ';')
            return fail(i, hex ? "CharRef: invalid hexadecimal value" : "CharRef: invalid decimal value"), false;
          if (!xml_char(code)) return fail(i, "xmlParseCharRef: invalid xmlChar value " + std::to_string(code)), false;
        } else {
          const std::size_t e = name_end(j);
          if (e == j) return fail(i, "xmlParseEntityRef: no name"), false;
          if (e >= to || s[e] != ';') return fail(i, "EntityRef: expecting ';'"), false;
          const std::string_view name(reinterpret_cast<const char*>(s) + j, e - j);
          if (name == "lt") code = '<';
          else if (name == "gt") code = '>';
          else if (name == "amp") code = '&';
          else if (name == "apos") code = '\'';
          else if (name == "quot") code = '"';
          else return fail(i, "Entity '" + std::string(name) + "' not defined"), false;
          j = e;
        }
        start_changing(i);
        append_utf8(decoded_, code);
        i = copied = j + 1;
        break;
      }
      case bracket:
        if (kind == Chars::content && i + 2 < to && s[i + 1] == ']' && s[i + 2] == '>')
          return fail(i, "Sequence ']]>' not allowed in content"), false;
        ++i;
        break;
      case carriage_return:  // line ends are CR LF or CR in the file and LF in the text
        start_changing(i);
        decoded_ += '\n';
        i += (i + 1 < to && s[i + 1] == '\n') ? 2 : 1;
        copied = i;
        break;
      case less_than:
        if (kind == Chars::attribute) return fail(i, "Unescaped '<' not allowed in attributes values"), false;
        ++i;
        break;
      case control: {
        static constexpr char kHex[] = "0123456789ABCDEF";
        return fail(i, std::string("Char 0x") + kHex[s[i] >> 4] + kHex[s[i] & 15] + " out of allowed range"), false;
      }
      default: {  // high: a UTF-8 sequence
        std::uint32_t code = 0;
        const std::size_t len = utf8_sequence(s + i, to - i, code);
        if (len == 0) return fail(i, "Input is not proper UTF-8, indicate encoding !"), false;
        if (!xml_char(code)) return fail(i, "Char 0x" + std::to_string(code) + " out of allowed range"), false;
        i += len;
      }
    }
  }
  if (changed) decoded_.append(reinterpret_cast<const char*>(s) + copied, to - copied);
  return true;
}

std::size_t XmlScanner::name_end(std::size_t from) const {
  const auto* s = reinterpret_cast<const unsigned char*>(buffer_.data());
  if (from >= end_ || kNameClass[s[from]] != 2) return from;
  std::size_t i = from;
  for (;;) {
    while (i < end_ && kNameClass[s[i]] != 0 && s[i] < 0x80) ++i;
    if (i >= end_ || kNameClass[s[i]] == 0) break;
    std::uint32_t code = 0;
    const std::size_t len = utf8_sequence(s + i, end_ - i, code);
    if (len == 0) break;  // what follows the name then fails its own check
    i += len;
  }
  return i;
}

XmlScanner::Step XmlScanner::markup_token() {
  const char* s = buffer_.data() + pos_;
  const std::size_t n = end_ - pos_;
  if (n < 2) return more(pos_, "Premature end of data (a '<' at the end of the file)");
  if (s[1] == '/') return end_tag();
  if (s[1] == '?') return processing_instruction();
  if (s[1] != '!') return start_tag();
  for (std::string_view opening : {std::string_view("<!--"), std::string_view("<![CDATA["), std::string_view("<!DOCTYPE")}) {
    const std::size_t have = std::min(n, opening.size());
    if (std::memcmp(s, opening.data(), have) != 0) continue;
    if (have < opening.size()) return more(pos_, "Premature end of data (an unfinished '" + std::string(opening) + "')");
    if (opening == "<!--") return comment();
    if (opening == "<![CDATA[") return cdata();
    if (!root_seen_) return give_to_libxml2();  // a DOCTYPE may define entities: libxml2 reads those files
    return fail(pos_, "a DOCTYPE is only allowed before the root element");
  }
  return fail(pos_, "StartTag: invalid element name");
}

XmlScanner::Step XmlScanner::start_tag() {
  if (root_done_) return fail(pos_, "Extra content at the end of the document");
  const char* s = buffer_.data();
  std::size_t i = pos_ + 1;
  // A return repeats one layout: the element that followed the previous start tag last time
  // is the likely one now. Compared in place, a hit saves scanning and hashing the name.
  const Name* predicted = last_start_ ? last_start_->next : nullptr;
  std::size_t name_stop;
  if (predicted && end_ - i > predicted->size && std::memcmp(s + i, predicted->text, predicted->size) == 0 &&
      kNameClass[static_cast<unsigned char>(s[i + predicted->size])] == 0)
    name_stop = i + predicted->size;
  else {
    predicted = nullptr;
    name_stop = name_end(i);
  }
  if (name_stop == i) return i >= end_ ? more(i, "Premature end of data") : fail(i, "StartTag: invalid element name");
  if (name_stop >= end_) return more(i, "Couldn't find end of Start Tag");
  const std::string_view qname(s + i, name_stop - i);
  attributes_.clear();
  i = name_stop;
  bool empty = false;
  for (;;) {
    const std::size_t before = i;
    while (i < end_ && blank(s[i])) ++i;
    if (i >= end_) return more(pos_, "Couldn't find end of Start Tag " + std::string(qname));
    if (s[i] == '>') {
      ++i;
      break;
    }
    if (s[i] == '/') {
      if (i + 1 >= end_) return more(pos_, "Couldn't find end of Start Tag " + std::string(qname));
      if (s[i + 1] != '>') return fail(i, "Couldn't find end of Start Tag " + std::string(qname));
      i += 2;
      empty = true;
      break;
    }
    const std::size_t attribute_stop = name_end(i);
    if (i == before || attribute_stop == i) return fail(i, "attributes construct error");
    if (attribute_stop >= end_) return more(pos_, "Couldn't find end of Start Tag " + std::string(qname));
    const std::string_view attribute(s + i, attribute_stop - i);
    i = attribute_stop;
    while (i < end_ && blank(s[i])) ++i;
    if (i >= end_) return more(pos_, "Couldn't find end of Start Tag " + std::string(qname));
    if (s[i] != '=') return fail(i, "Specification mandates value for attribute " + std::string(attribute));
    ++i;
    while (i < end_ && blank(s[i])) ++i;
    if (i >= end_) return more(pos_, "Couldn't find end of Start Tag " + std::string(qname));
    if (s[i] != '"' && s[i] != '\'') return fail(i, "AttValue: \" or ' expected");
    const void* close = std::memchr(s + i + 1, s[i], end_ - i - 1);
    if (!close) return more(pos_, "AttValue: ' expected");
    const std::size_t value_stop = static_cast<std::size_t>(static_cast<const char*>(close) - s);
    bool changed = false;
    if (!check_chars(i + 1, value_stop, Chars::attribute, changed)) return Step::failed;
    for (std::string_view seen : attributes_)
      if (seen == attribute) return fail(i, "Attribute " + std::string(attribute) + " redefined");
    if (attribute.substr(0, 6) == "xmlns:" || attribute == "xmlns") {
      const std::string uri = changed ? decoded_ : std::string(s + i + 1, value_stop - i - 1);
      const std::string fault = attribute == "xmlns" ? default_namespace_fault(uri) : namespace_fault(attribute.substr(6), uri);
      if (!fault.empty()) return fail(i, fault);
    }
    attributes_.push_back(attribute);
    i = value_stop + 1;
  }
  // The tag is whole: check its names, then hand it over.
  const Name* name = predicted ? predicted : intern(qname);
  if (last_start_) last_start_->next = name;
  last_start_ = name;
  const std::size_t declared = prefixes_.size();
  for (std::string_view a : attributes_)
    if (a.substr(0, 6) == "xmlns:") prefixes_.emplace_back(a.substr(6));
  auto undeclared = [&](std::string_view prefix) {
    return prefix != "xml" && prefix != "xmlns" && std::find(prefixes_.begin(), prefixes_.end(), prefix) == prefixes_.end();
  };
  if (name->has_colon && !name->qualified) return fail(pos_ + 1, "Failed to parse QName '" + std::string(qname) + "'");
  const std::string_view prefix = qname.substr(0, name->prefix_size);
  // xmlns is bound for the attributes that declare namespaces, never for an element's name.
  if (name->qualified && (undeclared(prefix) || prefix == "xmlns"))
    return fail(pos_ + 1, "Namespace prefix " + std::string(prefix) + " on " + std::string(name->local_view()) +
                              " is not defined");
  for (std::string_view a : attributes_) {
    const std::size_t colon = a.find(':');
    if (colon != std::string_view::npos && !qualified_name(a))
      return fail(pos_ + 1, "Failed to parse QName '" + std::string(a) + "'");
    if (colon != std::string_view::npos && undeclared(a.substr(0, colon)))
      return fail(pos_ + 1, "Namespace prefix " + std::string(a.substr(0, colon)) + " for " + std::string(a.substr(colon + 1)) +
                                " on " + std::string(name->local_view()) + " is not defined");
  }
  const int line = line_at(pos_);
  root_seen_ = true;
  sink_->start(name->local->text, line);
  if (empty) {
    sink_->end(name->local->text);
    prefixes_.resize(declared);
    if (open_.empty()) root_done_ = true;
  } else {
    open_.push_back({name, line, declared});
  }
  pos_ = i;
  return Step::ok;
}

XmlScanner::Step XmlScanner::end_tag() {
  if (open_.empty())
    return fail(pos_, root_done_ ? "Extra content at the end of the document" : "Start tag expected, '<' not found");
  const char* s = buffer_.data();
  const Open& open = open_.back();
  const std::string_view expected(reinterpret_cast<const char*>(open.name->text), open.name->size);
  std::size_t i = pos_ + 2;
  // Almost always the name is the open element's: compare it in place rather than scan it.
  std::size_t name_stop;
  if (end_ - i > expected.size() && std::memcmp(s + i, expected.data(), expected.size()) == 0 &&
      kNameClass[static_cast<unsigned char>(s[i + expected.size()])] == 0)
    name_stop = i + expected.size();
  else
    name_stop = name_end(i);
  if (name_stop == i) return i >= end_ ? more(i, "Premature end of data") : fail(i, "expected '>'");
  if (name_stop >= end_) return more(i, "Premature end of data");
  const std::string_view qname(s + i, name_stop - i);
  i = name_stop;
  while (i < end_ && blank(s[i])) ++i;
  if (i >= end_) return more(i, "Premature end of data");
  if (s[i] != '>') return fail(i, "expected '>'");
  if (qname != expected)
    return fail(pos_, "Opening and ending tag mismatch: " + std::string(expected) + " line " + std::to_string(open.line) +
                          " and " + std::string(qname));
  sink_->end(open.name->local->text);
  prefixes_.resize(open.declared);
  open_.pop_back();
  if (open_.empty()) root_done_ = true;
  pos_ = i + 1;
  return Step::ok;
}

std::size_t XmlScanner::find(std::size_t from, std::string_view needle) const {
  const std::size_t at = std::string_view(buffer_.data(), end_).find(needle, from);
  return at == std::string_view::npos ? end_ : at;
}

XmlScanner::Step XmlScanner::comment() {
  const std::size_t from = pos_ + 4;
  const std::size_t d = find(from, "--");  // the first "--" must end the comment
  if (d + 2 >= end_) return more(pos_, "Comment not terminated");
  if (buffer_[d + 2] != '>') return fail(d, "Double hyphen within comment");
  bool changed = false;
  if (!check_chars(from, d, Chars::raw, changed)) return Step::failed;
  pos_ = d + 3;
  return Step::ok;
}

XmlScanner::Step XmlScanner::cdata() {
  if (open_.empty()) return fail(pos_, "a CDATA section is only allowed inside the root element");
  const std::size_t from = pos_ + 9;
  const std::size_t b = find(from, "]]>");
  if (b >= end_) return more(pos_, "CData section not finished");
  bool changed = false;
  if (!check_chars(from, b, Chars::raw, changed)) return Step::failed;
  if (changed) sink_->text(decoded_.data(), decoded_.size());
  else if (b > from) sink_->text(buffer_.data() + from, b - from);
  pos_ = b + 3;
  return Step::ok;
}

XmlScanner::Step XmlScanner::processing_instruction() {
  const char* s = buffer_.data();
  const std::size_t target = pos_ + 2;
  const std::size_t target_stop = name_end(target);
  if (target_stop == target) return target >= end_ ? more(pos_, "PI not terminated") : fail(target, "xmlParsePI : no target name");
  if (target_stop >= end_) return more(pos_, "PI not terminated");
  const std::string name(s + target, target_stop - target);
  if (name.find(':') != std::string::npos) return fail(target, "colons are forbidden from PI names '" + name + "'");
  if (lower_ascii(name) == "xml") return fail(pos_, "XML declaration allowed only at the start of the document");
  if (target_stop + 1 >= end_) return more(pos_, "PI not terminated");
  if (!(s[target_stop] == '?' && s[target_stop + 1] == '>') && !blank(s[target_stop]))
    return fail(target_stop, "ParsePI: PI " + name + " space expected");
  const std::size_t k = find(target_stop, "?>");
  if (k >= end_) return more(pos_, "PI not terminated");
  bool changed = false;
  if (!check_chars(target_stop, k, Chars::raw, changed)) return Step::failed;
  pos_ = k + 2;
  return Step::ok;
}

}  // namespace caseflow::returns
