#include "app/mpi/rank_reports.h"

#include <mpi.h>

#include <algorithm>
#include <cstdint>
#include <stdexcept>

namespace caseflow::app::mpi {

namespace {

constexpr int kReportTag = 15;                     // issue 15: any tag would do, one is used
constexpr std::size_t kPieceBytes = std::size_t{1} << 30;  // within MPI's int count

void send(const RankReport& report) {
  const std::uint64_t head[2] = {static_cast<std::uint64_t>(report.status), report.bytes.size()};
  MPI_Send(head, 2, MPI_UINT64_T, 0, kReportTag, MPI_COMM_WORLD);
  for (std::size_t at = 0; at < report.bytes.size(); at += kPieceBytes) {
    const std::size_t n = std::min(kPieceBytes, report.bytes.size() - at);
    MPI_Send(report.bytes.data() + at, static_cast<int>(n), MPI_BYTE, 0, kReportTag, MPI_COMM_WORLD);
  }
}

RankReport receive(int from) {
  std::uint64_t head[2] = {0, 0};
  MPI_Recv(head, 2, MPI_UINT64_T, from, kReportTag, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
  RankReport report;
  report.status = static_cast<int>(head[0]);
  report.bytes.resize(static_cast<std::size_t>(head[1]));
  for (std::size_t at = 0; at < report.bytes.size(); at += kPieceBytes) {
    const std::size_t n = std::min(kPieceBytes, report.bytes.size() - at);
    MPI_Recv(report.bytes.data() + at, static_cast<int>(n), MPI_BYTE, from, kReportTag, MPI_COMM_WORLD,
             MPI_STATUS_IGNORE);
  }
  return report;
}

}  // namespace

void gather_reports(const World& world, RankReport own, const std::function<void(int, RankReport)>& on_report) {
  if (!world.root()) return send(own);
  on_report(0, std::move(own));
  for (int rank = 1; rank < world.size(); ++rank) on_report(rank, receive(rank));
}

int broadcast_status(int status) {
  MPI_Bcast(&status, 1, MPI_INT, 0, MPI_COMM_WORLD);
  return status;
}

}  // namespace caseflow::app::mpi
