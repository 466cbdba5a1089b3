// The walkers with what they borrow, for the lessons that animate them a few steps at a time:
// SurfaceRun owns its surface (shared: the built-in ones are not owned) and an optimizer made by
// name; MinibatchRun owns its regression problem and optimizer. Rows come out flat for plotting.
// Ownership and read-outs only; the stepping is Walker's and MinibatchWalker's.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "descent/minibatch.hpp"
#include "descent/walker.hpp"
#include "optim/factory.hpp"
#include "surfaces/regression.hpp"

namespace basecamp::descent {

// The optimizer's named state buffers (momentum_buffer, exp_avg, ...), each [a, b].
inline std::map<std::string, std::vector<double>> state_of(const Optimizer<double>& optimizer) {
  std::map<std::string, std::vector<double>> out;
  for (const auto& [name, buffer] : optimizer.state(0))
    if (buffer != nullptr && buffer->size() > 0) out[name].assign(buffer->data(), buffer->data() + buffer->size());
  return out;
}

class SurfaceRun {
 public:
  SurfaceRun(std::shared_ptr<const surfaces::Surface> surface, const std::string& optimizer,
             const optim::OptimizerSettings& settings, double x0, double y0, const Schedule& schedule)
      : surface_(std::move(surface)),
        optimizer_(optim::make_optimizer<double>(optimizer, settings)),
        walker_(*surface_, *optimizer_, x0, y0, schedule) {}

  // Up to n steps; the new rows flat: x, y, f per step.
  std::vector<double> step(int n) {
    std::vector<double> rows;
    for (int i = 0; i < n && walker_.step(); ++i) rows.insert(rows.end(), {walker_.x(), walker_.y(), walker_.f()});
    return rows;
  }
  double x() const { return walker_.x(); }
  double y() const { return walker_.y(); }
  double f() const { return walker_.f(); }
  int steps() const { return static_cast<int>(walker_.steps()); }
  int diverged_at() const { return walker_.diverged_at() ? static_cast<int>(*walker_.diverged_at()) : -1; }
  double lr() const { return optimizer_->lr; }
  std::vector<double> grad() const {
    return std::vector<double>(walker_.last_grad().data(), walker_.last_grad().data() + walker_.last_grad().size());
  }
  std::map<std::string, std::vector<double>> state() const { return state_of(*optimizer_); }
  const Walker& walker() const { return walker_; }

 private:
  std::shared_ptr<const surfaces::Surface> surface_;
  std::unique_ptr<Optimizer<double>> optimizer_;
  Walker walker_;
};

class MinibatchRun {
 public:
  MinibatchRun(std::unique_ptr<surfaces::Regression> problem, const std::string& optimizer,
               const optim::OptimizerSettings& settings, long batch_size, std::uint64_t seed, double m0, double b0,
               const Schedule& schedule)
      : problem_(std::move(problem)),
        optimizer_(optim::make_optimizer<double>(optimizer, settings)),
        walker_(*problem_, *optimizer_, batch_size, seed, m0, b0, schedule) {}

  // Up to n steps; the new rows flat: m, b, loss, samples, batch loss per step.
  std::vector<double> step(int n) {
    std::vector<double> rows;
    for (int i = 0; i < n && walker_.step(); ++i)
      rows.insert(rows.end(), {walker_.m(), walker_.b(), walker_.loss(), static_cast<double>(walker_.samples()),
                               walker_.batch_loss()});
    return rows;
  }
  double m() const { return walker_.m(); }
  double b() const { return walker_.b(); }
  double loss() const { return walker_.loss(); }
  double batch_loss() const { return walker_.batch_loss(); }
  int steps() const { return static_cast<int>(walker_.steps()); }
  double samples() const { return static_cast<double>(walker_.samples()); }
  int epoch() const { return static_cast<int>(walker_.epoch()); }
  int batch_size() const { return static_cast<int>(walker_.batch_size()); }
  int diverged_at() const { return walker_.diverged_at() ? static_cast<int>(*walker_.diverged_at()) : -1; }
  std::vector<int> last_batch() const { return {walker_.last_batch().begin(), walker_.last_batch().end()}; }
  const MinibatchWalker& walker() const { return walker_; }

 private:
  std::unique_ptr<surfaces::Regression> problem_;
  std::unique_ptr<Optimizer<double>> optimizer_;
  MinibatchWalker walker_;
};

}  // namespace basecamp::descent
