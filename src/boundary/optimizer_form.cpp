#include "boundary/optimizer_form.hpp"

#include "error.hpp"

namespace basecamp::boundary {

std::vector<Hyperparameter> optimizer_hyperparameters(const std::string& name) {
  const auto built = optim::make_optimizer<double>(name);  // Error for an unknown name
  if (auto* p = dynamic_cast<optim::SGD<double>*>(built.get())) {
    const auto& o = p->options();
    return {{"momentum", o.momentum}, {"dampening", o.dampening}, {"nesterov", o.nesterov ? 1.0 : 0.0, true},
            {"weight_decay", o.weight_decay}};
  }
  if (auto* p = dynamic_cast<optim::Adagrad<double>*>(built.get())) {
    const auto& o = p->options();
    return {{"lr_decay", o.lr_decay}, {"initial_accumulator_value", o.initial_accumulator_value}, {"eps", o.eps},
            {"weight_decay", o.weight_decay}};
  }
  if (auto* p = dynamic_cast<optim::RMSprop<double>*>(built.get())) {
    const auto& o = p->options();
    return {{"alpha", o.alpha}, {"eps", o.eps}, {"momentum", o.momentum}, {"centered", o.centered ? 1.0 : 0.0, true},
            {"weight_decay", o.weight_decay}};
  }
  if (auto* p = dynamic_cast<optim::Adadelta<double>*>(built.get())) {
    const auto& o = p->options();
    return {{"rho", o.rho}, {"eps", o.eps}, {"weight_decay", o.weight_decay}};
  }
  if (auto* p = dynamic_cast<optim::Adam<double>*>(built.get())) {  // Adam and AdamW
    const auto& o = p->options();
    return {{"beta1", o.betas[0]}, {"beta2", o.betas[1]}, {"eps", o.eps}, {"weight_decay", o.weight_decay},
            {"amsgrad", o.amsgrad ? 1.0 : 0.0, true}};
  }
  return {};
}

void set_optimizer_setting(optim::OptimizerSettings& s, const std::string& name, double value) {
  if (name == "momentum") s.momentum = value;
  else if (name == "dampening") s.dampening = value;
  else if (name == "nesterov") s.nesterov = value != 0;
  else if (name == "alpha") s.alpha = value;
  else if (name == "rho") s.rho = value;
  else if (name == "eps") s.eps = value;
  else if (name == "beta1") s.beta1 = value;
  else if (name == "beta2") s.beta2 = value;
  else if (name == "weight_decay") s.weight_decay = value;
  else if (name == "amsgrad") s.amsgrad = value != 0;
  else if (name == "centered") s.centered = value != 0;
  else if (name == "lr_decay") s.lr_decay = value;
  else if (name == "initial_accumulator_value") s.initial_accumulator_value = value;
  else
    throw_unknown_name("optimizer", "hyperparameter", name,
                       "momentum, dampening, nesterov, alpha, rho, eps, beta1, beta2, weight_decay, "
                       "amsgrad, centered, lr_decay, initial_accumulator_value");
}

}  // namespace basecamp::boundary
