#include "io/returns/xml_reader.h"

#include <condition_variable>
#include <cstdio>
#include <deque>
#include <mutex>
#include <thread>

#include "io/returns/dates.h"
#include "io/returns/libxml2_parser.h"
#include "io/returns/returns_error.h"
#include "io/returns/xml_scanner.h"

namespace caseflow::returns {

struct XmlReader::Event {
  enum Type : std::uint8_t { start, end, text, error };
  Type type;
  int line;                    // start: the line of the start tag
  const unsigned char* name;   // start, end: interned by the parser's dictionary
  std::uint32_t offset, size;  // text, error: the characters in Block::text
};

struct XmlReader::Block {
  std::vector<Event> events;
  std::string text;
  bool last = false;  // no block follows
};

namespace {

constexpr std::size_t kBlockEvents = 8192;  // events per block: large enough to make the hand-over rare
constexpr std::size_t kQueuedBlocks = 8;    // blocks parsed ahead at most: bounds memory on any file size

bool blank(char ch) { return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && blank(s.back())) s.remove_suffix(1);
  return s;
}

bool repeated(std::string_view name) {
  for (std::string_view r : {"Child", "CINdetails", "Assessments", "CINPlanDates", "Section47", "ChildProtectionPlans",
                             "CSWWWorker", "CHILD", "EPISODE", "AMISSING", "AREVIEW"})
    if (name == r) return true;
  return false;
}

}  // namespace

// The parser on its own thread, turning the file into blocks of events: caseflow's scanner
// for UTF-8 files, libxml2 for the rest (xml_scanner.h says which).
class XmlReader::Parser : public XmlSink {
 public:
  explicit Parser(const std::string& path) : path_(path), file_(std::fopen(path.c_str(), "rb")) {
    if (!file_) throw ReturnsError(path + ": cannot open the file");
    current_ = std::make_unique<Block>();
    thread_ = std::thread([this] { run(); });
  }
  ~Parser() override {
    {
      std::lock_guard lock(mutex_);
      stop_ = true;
    }
    space_.notify_all();
    thread_.join();
    std::fclose(file_);
  }
  Parser(const Parser&) = delete;
  Parser& operator=(const Parser&) = delete;

  // The next block, handing back the one read (its storage is reused).
  std::unique_ptr<Block> pop(std::unique_ptr<Block> used) {
    std::unique_lock lock(mutex_);
    if (used) {
      used->events.clear();
      used->text.clear();
      spare_.push_back(std::move(used));
    }
    ready_.wait(lock, [&] { return !queue_.empty(); });
    std::unique_ptr<Block> b = std::move(queue_.front());
    queue_.pop_front();
    lock.unlock();
    space_.notify_one();
    return b;
  }

  void start(const unsigned char* name, int line) override {
    if (abandoned_) return;
    current_->events.push_back({Event::start, line, name, 0, 0});
    if (current_->events.size() >= kBlockEvents) flush();
  }
  void end(const unsigned char* name) override {
    if (abandoned_) return;
    current_->events.push_back({Event::end, 0, name, 0, 0});
    if (current_->events.size() >= kBlockEvents) flush();
  }
  // Text comes in pieces; consecutive pieces make one event. Leading blanks are dropped (the
  // reader trims values, and the blanks between elements are most of the pieces).
  void text(const char* s, std::size_t n) override {
    Block& b = *current_;
    if (!b.events.empty() && b.events.back().type == Event::text) {
      b.text.append(s, n);
      b.events.back().size += static_cast<std::uint32_t>(n);
      return;
    }
    while (n > 0 && blank(*s)) ++s, --n;
    if (n == 0) return;
    b.events.push_back({Event::text, 0, nullptr, static_cast<std::uint32_t>(b.text.size()), static_cast<std::uint32_t>(n)});
    b.text.append(s, n);
  }
  // The first error becomes an event where the parser found it: ":LINE:COL: message".
  void error(int line, int column, const std::string& message) override {
    if (failed_) return;
    failed_ = true;
    const std::string where = line > 0 ? ":" + std::to_string(line) + ":" + std::to_string(column) + ": " : ": ";
    Block& b = *current_;
    b.events.push_back({Event::error, 0, nullptr, static_cast<std::uint32_t>(b.text.size()),
                        static_cast<std::uint32_t>(where.size() + message.size())});
    b.text += where;
    b.text += message;
  }
  bool stopped() const override { return abandoned_ || failed_; }

 private:
  // Hands the block over, waiting while the reader is far enough behind.
  void flush() {
    std::unique_lock lock(mutex_);
    space_.wait(lock, [&] { return stop_ || queue_.size() < kQueuedBlocks; });
    if (stop_) {  // the reader is gone (it stopped at an error of its own): stop parsing
      current_->events.clear();
      current_->text.clear();
      abandoned_ = true;
      return;
    }
    queue_.push_back(std::move(current_));
    if (!spare_.empty()) {
      current_ = std::move(spare_.back());
      spare_.pop_back();
    } else current_ = std::make_unique<Block>();
    lock.unlock();
    ready_.notify_one();
  }

  void run() {
    try {
      if (scanner_.scan(file_, *this) == XmlScanner::Result::needs_libxml2) {
        std::rewind(file_);
        libxml2_.parse(file_, path_, *this);
      }
    } catch (const std::exception& e) {
      error(0, 0, e.what());
    }
    current_->last = true;
    std::unique_lock lock(mutex_);
    if (!stop_) queue_.push_back(std::move(current_));
    lock.unlock();
    ready_.notify_one();
  }

  std::string path_;
  std::FILE* file_;
  XmlScanner scanner_;     // the names in the events live as long as these two
  Libxml2Parser libxml2_;
  std::unique_ptr<Block> current_;  // being filled by the parser thread
  bool failed_ = false;
  bool abandoned_ = false;  // the reader is gone
  std::mutex mutex_;
  std::condition_variable ready_, space_;
  std::deque<std::unique_ptr<Block>> queue_;
  std::vector<std::unique_ptr<Block>> spare_;
  bool stop_ = false;
  std::thread thread_;
};

XmlReader::XmlReader(std::string path) : file_(std::move(path)) {
  parser_ = std::make_unique<Parser>(file_);
  frames_.resize(16);
}

XmlReader::~XmlReader() = default;

const XmlReader::Event* XmlReader::next_event() {
  while (!block_ || next_ == block_->events.size()) {
    if (block_ && block_->last) return nullptr;
    block_ = parser_->pop(std::move(block_));
    next_ = 0;
  }
  const Event& e = block_->events[next_++];
  if (e.type == Event::error) throw ReturnsError(file_ + block_->text.substr(e.offset, e.size));
  return &e;
}

const XmlReader::Event* XmlReader::read() {
  for (;;) {
    const Event* e = next_event();
    if (!e || e->type == Event::start || e->type == Event::end) return e;
  }
}

void XmlReader::enter(const Event& start) {
  const int d = ++open_;
  if (static_cast<std::size_t>(d) + 1 >= frames_.size()) frames_.resize(static_cast<std::size_t>(d) + 8);
  int index = 1;
  if (d > 0) {
    auto& seen = frames_[static_cast<std::size_t>(d - 1)].seen;
    bool found = false;
    for (auto& [n, count] : seen)
      if (n == start.name) {
        index = ++count;
        found = true;
        break;
      }
    if (!found) seen.emplace_back(start.name, 1);
  }
  Frame& f = frames_[static_cast<std::size_t>(d)];
  f.name = start.name;
  f.index = index;
  f.line = start.line;
  f.seen.clear();
  depth_ = d;
  name_ = start.name;
  on_start_ = true;
}

bool XmlReader::root() {
  while (const Event* e = read())
    if (e->type == Event::start) {
      enter(*e);
      return true;
    }
  return false;
}

bool XmlReader::next_child(int parent_depth) {
  // An empty parent (<Children/>) is a start followed at once by its end.
  while (const Event* e = read()) {
    if (e->type == Event::start) {
      enter(*e);
      if (open_ == parent_depth + 1) return true;
    } else {
      const int d = open_--;
      depth_ = d;
      name_ = e->name;
      on_start_ = false;
      if (d <= parent_depth) return false;
    }
  }
  return false;
}

std::string_view XmlReader::name() const {
  return name_ ? std::string_view(reinterpret_cast<const char*>(name_)) : std::string_view();
}

std::string_view XmlReader::text() {
  text_.clear();
  if (!on_start_) return {};
  while (const Event* e = next_event()) {
    if (e->type == Event::text) {
      text_.append(block_->text, e->offset, e->size);
    } else if (e->type == Event::start) {
      enter(*e);
      fail("expected a value, found the element <" + std::string(name()) + ">");
    } else {
      depth_ = open_--;
      name_ = e->name;
      on_start_ = false;
      break;
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
  if (!on_start_) return;
  const int d = open_;
  while (const Event* e = read()) {
    if (e->type == Event::start) {
      ++open_;
      continue;
    }
    if (open_-- == d) {
      depth_ = d;
      name_ = e->name;
      on_start_ = false;
      return;
    }
  }
}

int XmlReader::line() const { return depth_ >= 0 ? frames_[static_cast<std::size_t>(depth_)].line : 0; }

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
