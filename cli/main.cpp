// `basecamp`: the native command-line runner over the same core the page uses.
#include <cstring>
#include <exception>
#include <iostream>
#include <string>

#include "commands.hpp"

namespace {

const char* const kUsage =
    "basecamp: the Basecamp core on the command line\n"
    "\n"
    "usage: basecamp <command> [options]\n"
    "\n"
    "commands:\n"
    "  descend   run an optimizer on a 2-D surface and print its path\n"
    "            (basecamp descend --help for its options)\n"
    "  mnist     train the MNIST network natively on the real MNIST files\n"
    "            (basecamp mnist --help for its options)\n"
    "  boundary  train a small network to separate 2-D points (the boundary lesson)\n"
    "            (basecamp boundary --help for its options)\n"
    "\n"
    "options:\n"
    "  -h, --help  print this help\n";

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0) {
    std::cout << kUsage;
    return argc < 2 ? 2 : 0;
  }
  const std::string command = argv[1];
  try {
    if (command == "descend") return basecamp::cli::descend_main(argc - 2, argv + 2);
    if (command == "mnist") return basecamp::cli::mnist_main(argc - 2, argv + 2);
    if (command == "boundary") return basecamp::cli::boundary_main(argc - 2, argv + 2);
  } catch (const std::exception& e) {
    std::cerr << "basecamp " << command << ": " << e.what() << "\n";
    return 2;
  }
  std::cerr << "basecamp: unknown command '" << command << "' (try basecamp --help)\n";
  return 2;
}
