#pragma once
// Where the readers put what they read, year by year, and how the years become one history
// (docs/returns.md "How years are merged"):
// - SSDA903: children by CHILD. An episode open at 31 March reappears in the next year's
//   return, so rows are deduplicated by (CHILD, DECOM): a closed row beats an open one, then
//   the latest collection year's row wins. Episodes that still overlap after that are ended on
//   the next episode's DECOM and counted (episode.overlap).
// - CIN census: children by LAchildID, referrals by (LAchildID, CINreferralDate): a referral
//   open at 31 March reappears with its later events, so the blocks are merged: assessments,
//   CIN plans, s47 enquiries and CP plans united by start date (the later year's copy wins),
//   and the later year's closure wins.
// - CSWW: one record per (census year, SWENo); vacancies per census.
// Child-level fields (sex, ethnicity, UPN, date of birth) take the latest year's value; a date
// of birth that differs is counted (child.dob_conflict).
#include <cstdint>
#include <cstddef>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "io/returns/codes.h"
#include "io/returns/history.h"
#include "io/returns/id_index.h"
#include "io/returns/quality_rules.h"

namespace caseflow::returns {

class HistoryBuilder {
 public:
  HistoryBuilder(History& history, QualityReporter& quality) : history_(history), quality_(quality) {}

  std::uint32_t add_file(const std::string& path);  // index for Origin::file
  const std::string& file(std::uint32_t index) const { return history_.files[index]; }
  void add_year(std::vector<int> History::*years, int year);

  // The child with this id (created on first sight); its index for the add_* calls.
  std::size_t child(std::string_view id);
  // The child's record while reading; valid until the next child() call adds a child.
  ChildHistory& at(std::size_t child) { return children_[child]; }
  // Child-level fields, from the return of collection year `year`: the latest year wins.
  void set_header(std::size_t child, int year, std::string_view sex, std::string_view ethnicity, std::string_view upn);
  void set_birth(std::size_t child, Day birth, int year, const Origin& origin);
  void set_death(std::size_t child, Day death, int year);

  void add_episode(std::size_t child, CareEpisode episode, int year);
  void add_referral(std::size_t child, Referral referral, int year);
  void add_missing(std::size_t child, MissingEpisode missing, int year);
  void add_social_worker(std::size_t child, SocialWorkerEpisode episode, int year);
  void add_review(std::size_t child, Day review, std::string_view code);
  void add_care_leaver(std::size_t child, CareLeaverRecord record);  // OC3: the last one read for a year stands
  void add_worker(WorkerRecord worker);
  void add_vacancies(const Vacancies& vacancies) { history_.vacancies.push_back(vacancies); }
  // The council's LEA code from a census header; a second, different code is an error (the
  // folder mixes two councils).
  void set_la_code(std::string_view code, const std::string& file);

  // A code checked against its list for the year; unknown codes are counted, kept as returned.
  // `example()` names the record; it is called only for an unknown code (most codes are fine,
  // and building the name for each would cost more than the check).
  template <class Example>
  void check_code(std::string_view list, std::string_view code, int year, const Origin& origin, Example&& example) {
    if (!code.empty() && !code_valid(list, code, year)) unknown_code(list, code, year, example(), origin);
  }

  QualityReporter& quality() { return quality_; }

  // Merges the years, sorts everything, and runs the whole-history checks.
  void finish();

 private:
  template <class T>
  struct Dated {
    int year;
    std::uint32_t order;  // reading order, to keep the later row of one year
    T record;
  };
  // Care episodes and referrals go straight into the child's history as read (most need no
  // merging, and are then never moved again). Their collection year and reading order come
  // from their Origin (file_years_, then file and line), so nothing else is kept per record.
  struct Pending {
    bool merge = false;  // something was read that finish() must merge, reorder or check
    std::vector<Dated<MissingEpisode>> missing;
    std::vector<Dated<SocialWorkerEpisode>> social_workers;
    std::vector<std::pair<Day, std::string>> reviews;  // reviews repeat across tables only by mistake
    int header_year = 0, birth_year = 0, death_year = 0;
  };

  void unknown_code(std::string_view list, std::string_view code, int year, const std::string& example, const Origin& origin);
  void merge_children();  // each child's pending records into its history
  void note_year(const Origin& origin, int year);
  int year_of(const Origin& origin) const { return file_years_[origin.file]; }
  // The order in which a child's rows are merged: by date, then collection year, then reading order.
  template <class T, class Date>
  std::vector<std::uint32_t> merge_order(const std::vector<T>& rows, Date date) const;
  void sort_children();
  void merge_episodes(ChildHistory& child);
  void merge_referrals(ChildHistory& child);

  History& history_;
  QualityReporter& quality_;
  IdIndex index_;
  // The children in the order first seen, in a vector that becomes History::children: finish()
  // sorts it in place, so the children are never held twice (a deque moved into a vector at the
  // end held England's 2.8 million children twice, a gigabyte). What is pending per child is
  // in a deque: it grows without moving what was read, and is dropped before the sort.
  std::vector<ChildHistory> children_;
  std::deque<Pending> pending_;
  std::vector<int> file_years_;  // the collection year of each file that has episodes or referrals (Origin::file)
  std::size_t last_child_ = SIZE_MAX;
  std::unordered_set<std::string> worker_keys_;
  std::uint32_t order_ = 0;
};

}  // namespace caseflow::returns
