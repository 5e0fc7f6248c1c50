#include "io/returns/libxml2_parser.h"

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>

#include <new>
#include <vector>

namespace caseflow::returns {

namespace {
constexpr std::size_t kChunk = std::size_t{64} << 10;  // bytes fed to libxml2 at a time
}  // namespace

Libxml2Parser::~Libxml2Parser() {
  if (context_) {
    if (context_->myDoc) xmlFreeDoc(context_->myDoc);
    xmlFreeParserCtxt(context_);
  }
}

Libxml2Parser& Libxml2Parser::of(void* context) {
  return *static_cast<Libxml2Parser*>(static_cast<xmlParserCtxtPtr>(context)->_private);
}

void Libxml2Parser::on_start(void* context, const xmlChar* name, const xmlChar*, const xmlChar*, int, const xmlChar**, int,
                             int, const xmlChar**) {
  Libxml2Parser& p = of(context);
  if (p.sink_->stopped()) return xmlStopParser(p.context_);
  p.sink_->start(name, p.context_->input ? p.context_->input->line : 0);
}

void Libxml2Parser::on_end(void* context, const xmlChar* name, const xmlChar*, const xmlChar*) { of(context).sink_->end(name); }

void Libxml2Parser::on_text(void* context, const xmlChar* chars, int size) {
  of(context).sink_->text(reinterpret_cast<const char*>(chars), static_cast<std::size_t>(size));
}

// The first error stops the parse and goes to the sink where libxml2 found it.
void Libxml2Parser::on_error(void* context, xmlErrorPtr error) {
  if (!static_cast<xmlParserCtxtPtr>(context)->_private) return;  // still inside xmlCreatePushParserCtxt
  Libxml2Parser& p = of(context);
  if (error->level < XML_ERR_ERROR || p.failed_) return;
  p.failed_ = true;
  std::string text = error->message ? error->message : "malformed XML";
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  p.sink_->error(error->line, error->int2, text);
  xmlStopParser(p.context_);
}

void Libxml2Parser::parse(std::FILE* file, const std::string& path, XmlSink& sink) {
  sink_ = &sink;
  // Errors libxml2 raises outside the parser context (encodings) go to this thread's global
  // handler: capture those too, so nothing is ever printed.
  xmlSetStructuredErrorFunc(nullptr, [](void*, xmlErrorPtr) {});
  xmlSAXHandler sax;
  xmlSAXVersion(&sax, 2);
  sax.startElementNs = on_start;
  sax.endElementNs = on_end;
  sax.characters = on_text;
  sax.cdataBlock = on_text;
  sax.ignorableWhitespace = on_text;
  sax.serror = on_error;
  // No document is built: nothing may attach nodes to it.
  sax.reference = nullptr;
  sax.comment = nullptr;
  sax.processingInstruction = nullptr;
  std::vector<char> buffer(kChunk);
  std::size_t n = std::fread(buffer.data(), 1, buffer.size(), file);
  const std::size_t head = n < 4 ? n : 4;  // enough for libxml2 to detect the encoding
  context_ = xmlCreatePushParserCtxt(&sax, nullptr, buffer.data(), static_cast<int>(head), path.c_str());
  if (!context_) throw std::bad_alloc();
  context_->_private = this;
  // NONET: a return never fetches anything; no NOENT, so external entities are not expanded.
  // BIG_LINES: line numbers past 65535 stay right in England-sized files.
  xmlCtxtUseOptions(context_, XML_PARSE_NONET | XML_PARSE_BIG_LINES);
  std::size_t from = head;
  for (;;) {
    if (std::ferror(file)) {
      failed_ = true;
      sink.error(0, 0, "cannot read the file");
      return;
    }
    const bool last = n < buffer.size();
    xmlParseChunk(context_, buffer.data() + from, static_cast<int>(n - from), last ? 1 : 0);
    if (last || failed_ || context_->instate == XML_PARSER_EOF) return;
    n = std::fread(buffer.data(), 1, buffer.size(), file);
    from = 0;
  }
}

}  // namespace caseflow::returns
