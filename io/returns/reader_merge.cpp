#include "io/returns/reader_merge.h"

#include <algorithm>
#include <climits>

#include "io/returns/codes.h"
#include "io/returns/dates.h"
#include "io/returns/returns_error.h"

namespace caseflow::returns {

namespace {

// Unites `from` into `into` by a start-date key: the copy from `from` (the later year) replaces
// one with the same key; the result is sorted by the key.
template <class T, class Key>
void unite_by(std::vector<T>& into, std::vector<T>& from, Key key) {
  for (T& x : from) {
    const auto k = key(x);
    auto it = std::find_if(into.begin(), into.end(), [&](const T& y) { return key(y) == k; });
    if (it != into.end()) *it = std::move(x);
    else into.push_back(std::move(x));
  }
  if (into.size() > 1) std::stable_sort(into.begin(), into.end(), [&](const T& a, const T& b) { return key(a) < key(b); });
}

// Whether a child's rows, in reading order, are in date order with no date twice: then there is
// nothing to merge or reorder (most children), and the rows stay where they were read.
template <class T, class Date>
bool dated_once_in_order(const std::vector<T>& rows, Date date) {
  for (std::size_t i = 1; i < rows.size(); ++i)
    if (!(date(rows[i - 1]) < date(rows[i]))) return false;
  return true;
}

template <class T>
void by_year_then_order(std::vector<T>& v) {
  if (v.size() < 2) return;  // most children have one record: no sort, no temporary buffer
  std::stable_sort(v.begin(), v.end(), [](const T& a, const T& b) { return a.year != b.year ? a.year < b.year : a.order < b.order; });
}

}  // namespace

template <class T, class Date>
std::vector<std::uint32_t> HistoryBuilder::merge_order(const std::vector<T>& rows, Date date) const {
  std::vector<std::uint32_t> order(rows.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<std::uint32_t>(i);
  // Stable: rows are in reading order, which breaks ties of file and line (XML on one line).
  std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    const Day da = date(rows[a]), db = date(rows[b]);
    if (da != db) return da < db;
    const Origin &oa = rows[a].origin, &ob = rows[b].origin;
    const int ya = year_of(oa), yb = year_of(ob);
    if (ya != yb) return ya < yb;
    return oa.file != ob.file ? oa.file < ob.file : oa.line < ob.line;
  });
  return order;
}

void HistoryBuilder::note_year(const Origin& origin, int year) {
  if (origin.file >= file_years_.size()) file_years_.resize(origin.file + 1, 0);
  file_years_[origin.file] = year;
}

std::uint32_t HistoryBuilder::add_file(const std::string& path) {
  history_.files.push_back(path);
  return static_cast<std::uint32_t>(history_.files.size() - 1);
}

void HistoryBuilder::add_year(std::vector<int> History::*years, int year) {
  auto& v = history_.*years;
  if (std::find(v.begin(), v.end(), year) == v.end()) v.push_back(year);
}

std::size_t HistoryBuilder::child(std::string_view id) {
  // Tables list a child's rows together (Episodes by CHILD): the last child found is the
  // likeliest next, and checking it first saves a hash lookup per row.
  if (last_child_ < children_.size() && children_[last_child_].id == id) return last_child_;
  bool added = false;
  const std::size_t i = last_child_ = index_.find_or_add(id, added);
  if (added) {
    children_.emplace_back().id = std::string(id);
    pending_.emplace_back();
  }
  return i;
}

void HistoryBuilder::set_header(std::size_t child, int year, std::string_view sex, std::string_view ethnicity,
                                std::string_view upn) {
  Pending& p = pending_[child];
  if (year < p.header_year) return;
  p.header_year = year;
  ChildHistory& c = children_[child];
  if (!sex.empty()) c.sex = sex;
  if (!ethnicity.empty()) c.ethnicity = ethnicity;
  if (!upn.empty()) c.upn = upn;
}

void HistoryBuilder::set_birth(std::size_t child, Day birth, int year, const Origin& origin) {
  Pending& p = pending_[child];
  ChildHistory& c = children_[child];
  if (c.birth && *c.birth != birth)
    quality_.add("child.dob_conflict", "CHILD " + c.id + " born " + format_iso(*c.birth) + " or " + format_iso(birth), origin);
  if (!c.birth || year >= p.birth_year) {
    c.birth = birth;
    p.birth_year = year;
  }
}

void HistoryBuilder::set_death(std::size_t child, Day death, int year) {
  Pending& p = pending_[child];
  ChildHistory& c = children_[child];
  if (!c.death || year >= p.death_year) {
    c.death = death;
    p.death_year = year;
  }
}

void HistoryBuilder::add_episode(std::size_t child, CareEpisode episode, int year) {
  note_year(episode.origin, year);
  pending_[child].merge = true;  // every child in care has its episodes checked for overlaps
  children_[child].episodes.push_back(std::move(episode));
}

void HistoryBuilder::add_referral(std::size_t child, Referral referral, int year) {
  note_year(referral.origin, year);
  auto& referrals = children_[child].referrals;
  if (!referrals.empty() && !(referrals.back().date < referral.date)) pending_[child].merge = true;
  referrals.push_back(std::move(referral));
}

void HistoryBuilder::add_missing(std::size_t child, MissingEpisode missing, int year) {
  pending_[child].merge = true;
  pending_[child].missing.push_back({year, order_++, std::move(missing)});
}

void HistoryBuilder::add_social_worker(std::size_t child, SocialWorkerEpisode episode, int year) {
  pending_[child].merge = true;
  pending_[child].social_workers.push_back({year, order_++, std::move(episode)});
}

void HistoryBuilder::set_la_code(std::string_view code, const std::string& file) {
  if (code.empty()) return;
  if (!history_.la_code.empty() && history_.la_code != code)
    throw ReturnsError(file + ": Header/Source/LEA is " + std::string(code) + " but another file says " + history_.la_code +
                       "; the folder must hold one council's returns");
  history_.la_code = code;
}

void HistoryBuilder::add_review(std::size_t child, Day review, std::string_view code) {
  pending_[child].merge = true;
  pending_[child].reviews.emplace_back(review, code);
}

void HistoryBuilder::add_care_leaver(std::size_t child, CareLeaverRecord record) {
  pending_[child].merge = true;
  children_[child].care_leaver.push_back(std::move(record));
}

void HistoryBuilder::add_worker(WorkerRecord worker) {
  if (!worker_keys_.insert(std::to_string(worker.census_year) + '\t' + worker.swe_no).second) {
    quality_.add("worker.duplicate", "SWENo " + worker.swe_no + " census " + std::to_string(worker.census_year), worker.origin);
    return;
  }
  history_.workers.push_back(std::move(worker));
}

void HistoryBuilder::unknown_code(std::string_view list, std::string_view code, int year, const std::string& example,
                                  const Origin& origin) {
  quality_.add("code." + std::string(list) + ".unknown", example + " '" + std::string(code) + "' (" + std::to_string(year) + ")",
               origin);
}

void HistoryBuilder::merge_episodes(ChildHistory& c) {
  const auto start = [](const CareEpisode& e) { return e.start; };
  std::vector<int> chosen_year;  // the collection year each merged episode came from
  chosen_year.reserve(c.episodes.size());
  if (dated_once_in_order(c.episodes, start)) {
    for (const CareEpisode& e : c.episodes) chosen_year.push_back(year_of(e.origin));
  } else {
    std::vector<CareEpisode> rows = std::move(c.episodes);
    c.episodes = {};
    const std::vector<std::uint32_t> order = merge_order(rows, start);
    for (std::size_t i = 0; i < order.size();) {
      std::size_t j = i + 1;
      while (j < order.size() && rows[order[j]].start == rows[order[i]].start) ++j;
      // order[i..j) share a DECOM, in year then reading order.
      std::size_t best = i;
      for (std::size_t k = i + 1; k < j; ++k) {
        const CareEpisode& row = rows[order[k]];
        if (year_of(row.origin) == year_of(rows[order[k - 1]].origin))
          quality_.add("episode.duplicate", child_record(c.id, "episode from", row.start), row.origin);
        const bool closed = row.end.has_value(), best_closed = rows[order[best]].end.has_value();
        if (closed || !best_closed) best = k;  // a closed row beats an open one; then the later row wins
      }
      c.episodes.push_back(std::move(rows[order[best]]));
      chosen_year.push_back(year_of(rows[order[best]].origin));
      i = j;
    }
  }
  const auto& years = history_.ssda903_years;
  for (std::size_t i = 0; i < c.episodes.size(); ++i) {
    CareEpisode& e = c.episodes[i];
    if (!e.end && std::find(years.begin(), years.end(), chosen_year[i] + 1) != years.end())
      quality_.add("episode.open_not_carried", child_record(c.id, "episode from", e.start), e.origin);
    if (i + 1 < c.episodes.size()) {
      const Day next = c.episodes[i + 1].start;
      if (!e.end || *e.end > next) {
        quality_.add("episode.overlap", child_record(c.id, "episode from", e.start), e.origin);
        if (!e.end && e.reason_ceased.empty()) e.reason_ceased = "X1";
        e.end = next;
      }
    }
  }
}

void HistoryBuilder::merge_referrals(ChildHistory& c) {
  const auto date = [](const Referral& r) { return r.date; };
  if (dated_once_in_order(c.referrals, date)) return;
  std::vector<Referral> rows = std::move(c.referrals);
  c.referrals = {};
  const std::vector<std::uint32_t> order = merge_order(rows, date);
  for (std::size_t i = 0; i < order.size();) {
    Referral merged = std::move(rows[order[i]]);
    std::size_t j = i + 1;
    for (; j < order.size() && rows[order[j]].date == merged.date; ++j) {
      Referral& later = rows[order[j]];
      if (year_of(later.origin) == year_of(rows[order[j - 1]].origin))
        quality_.add("cin.duplicate_referral", child_record(c.id, "referral", later.date), later.origin);
      if (!later.source.empty()) merged.source = later.source;
      if (!later.primary_need.empty()) merged.primary_need = later.primary_need;
      merged.nfa = later.nfa;
      if (later.closure) {
        merged.closure = later.closure;
        merged.closure_reason = later.closure_reason;
      }
      unite_by(merged.assessments, later.assessments, [](const Assessment& a) { return a.start.value_or(INT_MIN); });
      unite_by(merged.cin_plans, later.cin_plans, [](const CinPlan& x) { return x.start; });
      unite_by(merged.section47s, later.section47s, [](const Section47& x) { return x.start; });
      unite_by(merged.cp_plans, later.cp_plans, [](const CpPlan& x) { return x.start; });
      merged.origin = later.origin;
    }
    c.referrals.push_back(std::move(merged));
    i = j;
  }
}

void HistoryBuilder::merge_children() {
  for (std::size_t i = 0; i < children_.size(); ++i) {
    ChildHistory& c = children_[i];
    Pending& p = pending_[i];
    if (!p.merge) continue;  // read in date order, one record a date: nothing to merge
    merge_episodes(c);
    merge_referrals(c);
    // Missing episodes and social-worker episodes repeat like care episodes: one per start.
    by_year_then_order(p.missing);
    for (auto& m : p.missing) {
      auto it = std::find_if(c.missing.begin(), c.missing.end(),
                             [&](const MissingEpisode& x) { return x.start == m.record.start && x.kind == m.record.kind; });
      if (it == c.missing.end()) c.missing.push_back(std::move(m.record));
      else if (m.record.end || !it->end) *it = std::move(m.record);
    }
    if (c.missing.size() > 1) std::stable_sort(c.missing.begin(), c.missing.end(), [](const auto& a, const auto& b) { return a.start < b.start; });
    by_year_then_order(p.social_workers);
    for (auto& s : p.social_workers) {
      auto it = std::find_if(c.social_workers.begin(), c.social_workers.end(), [&](const SocialWorkerEpisode& x) {
        return x.start == s.record.start && x.worker_id == s.record.worker_id;
      });
      if (it == c.social_workers.end()) c.social_workers.push_back(std::move(s.record));
      else if (s.record.end || !it->end) *it = std::move(s.record);
    }
    if (c.social_workers.size() > 1) std::stable_sort(c.social_workers.begin(), c.social_workers.end(), [](const auto& a, const auto& b) { return a.start < b.start; });
    // One review per date (the last one read keeps its code), with its code beside it.
    if (p.reviews.size() > 1) std::stable_sort(p.reviews.begin(), p.reviews.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (std::size_t k = 0; k < p.reviews.size(); ++k) {
      if (k + 1 < p.reviews.size() && p.reviews[k + 1].first == p.reviews[k].first) continue;
      c.reviews.push_back(p.reviews[k].first);
      c.review_codes.push_back(std::move(p.reviews[k].second));
    }
    if (c.care_leaver.size() > 1) std::stable_sort(c.care_leaver.begin(), c.care_leaver.end(),
                     [](const auto& a, const auto& b) { return a.collection_year < b.collection_year; });
    // One OC3 record per year: the last one read stands (rows are appended in reading order).
    for (std::size_t k = c.care_leaver.size(); k-- > 1;)
      if (c.care_leaver[k - 1].collection_year == c.care_leaver[k].collection_year) c.care_leaver.erase(c.care_leaver.begin() + static_cast<long>(k) - 1);
    p = Pending();  // released while in cache, not in one sweep over all children afterwards
  }
}

// Sorts children_ by id in place. The sort runs on a compact list of (the id's first eight
// bytes as a number, index), which compares as the ids do and reaches into a child's id only to
// break a tie; the children are then put in that order by following the permutation's cycles,
// each moved once.
void HistoryBuilder::sort_children() {
  struct IdKey {
    std::uint64_t prefix;
    std::uint32_t index;
  };
  std::vector<IdKey> keys(children_.size());
  for (std::size_t i = 0; i < keys.size(); ++i) {
    const std::string& id = children_[i].id;
    std::uint64_t prefix = 0;
    for (std::size_t k = 0; k < 8; ++k)
      prefix = (prefix << 8) | (k < id.size() ? static_cast<unsigned char>(id[k]) : 0u);
    keys[i] = {prefix, static_cast<std::uint32_t>(i)};
  }
  std::sort(keys.begin(), keys.end(), [&](const IdKey& a, const IdKey& b) {
    return a.prefix != b.prefix ? a.prefix < b.prefix : children_[a.index].id < children_[b.index].id;
  });
  // keys[k].index is the child that belongs at k; an index set to k marks k as done.
  for (std::size_t start = 0; start < keys.size(); ++start) {
    if (keys[start].index == start) continue;
    ChildHistory held = std::move(children_[start]);
    std::size_t at = start;
    while (keys[at].index != start) {
      const std::size_t from = keys[at].index;
      // The cycle jumps about the vector: fetch the next child while this one moves.
      const ChildHistory& next = children_[keys[from].index];
      for (std::size_t line = 0; line < sizeof(ChildHistory); line += 64)
        __builtin_prefetch(reinterpret_cast<const char*>(&next) + line);
      children_[at] = std::move(children_[from]);
      keys[at].index = static_cast<std::uint32_t>(at);
      at = from;
    }
    children_[at] = std::move(held);
    keys[at].index = static_cast<std::uint32_t>(at);
  }
}

void HistoryBuilder::finish() {
  std::sort(history_.ssda903_years.begin(), history_.ssda903_years.end());
  std::sort(history_.cin_years.begin(), history_.cin_years.end());
  std::sort(history_.csww_years.begin(), history_.csww_years.end());
  merge_children();
  pending_.clear();
  index_.clear();
  sort_children();
  history_.children = std::move(children_);
  children_.clear();
  std::sort(history_.workers.begin(), history_.workers.end(), [](const auto& a, const auto& b) {
    return a.census_year != b.census_year ? a.census_year < b.census_year : a.swe_no < b.swe_no;
  });
  std::stable_sort(history_.vacancies.begin(), history_.vacancies.end(),
                   [](const auto& a, const auto& b) { return a.census_year < b.census_year; });
  check_history(history_, quality_);
}

}  // namespace caseflow::returns
