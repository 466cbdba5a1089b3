// The subcommands of the `basecamp` runner. Each takes the arguments after its own name and
// returns the process exit code: 0 on success, 2 on bad input (one line on stderr).
#pragma once

namespace basecamp::cli {

int descend_main(int argc, char** argv);
int mnist_main(int argc, char** argv);
int boundary_main(int argc, char** argv);

}  // namespace basecamp::cli
