#include "io/returns/xml_reader.h"

#include <libxml/xmlreader.h>

#include "io/returns/dates.h"
#include "io/returns/returns_error.h"

namespace caseflow::returns {

namespace {

// libxml2 reports through this instead of printing: the first error wins, with its location.
void on_error(void* context, const xmlError* error) {
  auto* message = static_cast<std::string*>(context);
  if (error->level < XML_ERR_ERROR || !message->empty()) return;
  std::string text = error->message ? error->message : "malformed XML";
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  *message = ":" + std::to_string(error->line) + ":" + std::to_string(error->int2) + ": " + text;
}

void on_error_adapter(void* context, xmlErrorPtr error) { on_error(context, error); }

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

bool repeated(std::string_view name) {
  for (std::string_view r : {"Child", "CINdetails", "Assessments", "CINPlanDates", "Section47", "ChildProtectionPlans",
                             "CSWWWorker", "CHILD", "EPISODE", "AMISSING", "AREVIEW"})
    if (name == r) return true;
  return false;
}

}  // namespace

XmlReader::XmlReader(std::string path) : file_(std::move(path)) {
  // NONET: a return never fetches anything; no NOENT, so external entities are not expanded.
  // BIG_LINES: line numbers past 65535 stay right in England-sized files.
  // Opening reports through the global handler (the reader's own is not set yet): capture it
  // for the moment, so an unreadable file prints nothing, then put the caller's back.
  const xmlStructuredErrorFunc previous = xmlStructuredError;
  void* const previous_context = xmlStructuredErrorContext;
  xmlSetStructuredErrorFunc(&error_, on_error_adapter);
  reader_ = xmlReaderForFile(file_.c_str(), nullptr, XML_PARSE_NONET | XML_PARSE_NOBLANKS | XML_PARSE_COMPACT | XML_PARSE_BIG_LINES);
  xmlSetStructuredErrorFunc(previous_context, previous);
  if (!reader_) throw ReturnsError(file_ + ": cannot open the file");
  xmlTextReaderSetStructuredErrorHandler(reader_, on_error_adapter, &error_);
  frames_.resize(16);
}

XmlReader::~XmlReader() { xmlFreeTextReader(reader_); }

int XmlReader::read() {
  const int status = xmlTextReaderRead(reader_);
  if (status < 0 || !error_.empty())
    throw ReturnsError(file_ + (error_.empty() ? ":" + std::to_string(xmlTextReaderGetParserLineNumber(reader_)) + ":" +
                                                     std::to_string(xmlTextReaderGetParserColumnNumber(reader_)) + ": malformed XML"
                                               : error_));
  return status;
}

void XmlReader::enter() {
  const int d = xmlTextReaderDepth(reader_);
  if (static_cast<std::size_t>(d) + 1 >= frames_.size()) frames_.resize(static_cast<std::size_t>(d) + 8);
  const auto* name = xmlTextReaderConstLocalName(reader_);
  int index = 1;
  if (d > 0) {
    auto& seen = frames_[static_cast<std::size_t>(d - 1)].seen;
    bool found = false;
    for (auto& [n, count] : seen)
      if (n == name) {
        index = ++count;
        found = true;
        break;
      }
    if (!found) seen.emplace_back(name, 1);
  }
  Frame& f = frames_[static_cast<std::size_t>(d)];
  f.name = name;
  f.index = index;
  f.seen.clear();
  depth_ = d;
}

bool XmlReader::root() {
  while (read() == 1)
    if (xmlTextReaderNodeType(reader_) == XML_READER_TYPE_ELEMENT) {
      enter();
      return true;
    }
  return false;
}

bool XmlReader::next_child(int parent_depth) {
  // An empty parent (<Children/>) has no end node: it has ended as soon as it began.
  if (xmlTextReaderNodeType(reader_) == XML_READER_TYPE_ELEMENT && xmlTextReaderDepth(reader_) == parent_depth &&
      xmlTextReaderIsEmptyElement(reader_))
    return false;
  while (read() == 1) {
    const int type = xmlTextReaderNodeType(reader_);
    const int d = xmlTextReaderDepth(reader_);
    if (type == XML_READER_TYPE_ELEMENT) {
      enter();
      if (d == parent_depth + 1) return true;
    } else if (type == XML_READER_TYPE_END_ELEMENT && d <= parent_depth) {
      depth_ = d;
      return false;
    }
  }
  return false;
}

std::string_view XmlReader::name() const {
  const auto* n = xmlTextReaderConstLocalName(reader_);
  return n ? std::string_view(reinterpret_cast<const char*>(n)) : std::string_view();
}

int XmlReader::depth() const { return xmlTextReaderDepth(reader_); }

std::string_view XmlReader::text() {
  text_.clear();
  if (xmlTextReaderIsEmptyElement(reader_)) return {};
  const int d = xmlTextReaderDepth(reader_);
  while (read() == 1) {
    const int type = xmlTextReaderNodeType(reader_);
    if (type == XML_READER_TYPE_END_ELEMENT && xmlTextReaderDepth(reader_) == d) break;
    if (type == XML_READER_TYPE_ELEMENT) {
      enter();
      fail("expected a value, found the element <" + std::string(name()) + ">");
    }
    if (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE) {
      const auto* value = xmlTextReaderConstValue(reader_);
      if (value) text_ += reinterpret_cast<const char*>(value);
    }
  }
  return trim(text_);
}

MaybeDay XmlReader::date() {
  const std::string_view t = text();
  if (t.empty()) return std::nullopt;
  const auto day = parse_return_date(t);
  if (!day) fail("'" + std::string(t) + "' is not a date (yyyy-mm-dd, dd/mm/yyyy or dd/mm/yy)");
  return day;
}

Day XmlReader::required_date() {
  const auto day = date();
  if (!day) fail("the date is missing (a required element)");
  return *day;
}

void XmlReader::skip() {
  if (xmlTextReaderIsEmptyElement(reader_)) return;
  const int d = xmlTextReaderDepth(reader_);
  while (read() == 1)
    if (xmlTextReaderNodeType(reader_) == XML_READER_TYPE_END_ELEMENT && xmlTextReaderDepth(reader_) == d) return;
}

int XmlReader::line() const {
  const xmlNodePtr node = xmlTextReaderCurrentNode(reader_);
  const long l = node ? xmlGetLineNo(node) : -1;
  return l > 0 ? static_cast<int>(l) : xmlTextReaderGetParserLineNumber(reader_);
}

std::string XmlReader::path() const {
  std::string p;
  for (int d = 0; d <= depth_; ++d) {
    const Frame& f = frames_[static_cast<std::size_t>(d)];
    if (d > 0) p += '/';
    p += reinterpret_cast<const char*>(f.name);
    // Index the elements a return repeats (Child[1234]) and any second sibling of a name.
    if (f.index > 1 || repeated(reinterpret_cast<const char*>(f.name))) p += '[' + std::to_string(f.index) + ']';
  }
  return p;
}

void XmlReader::fail(const std::string& what) const {
  throw ReturnsError(file_ + ":" + std::to_string(line()) + ": " + path() + ": " + what);
}

}  // namespace caseflow::returns
