// The page of `imputa serve` (cli/web/), compiled into the binary so that no
// file or network is needed at run time (cli/web/embed.cmake writes the definition).
#pragma once

#include <string_view>

namespace imputa::cli::web {

// The text of cli/web/NAME ("index.html"), or empty if there is none.
std::string_view asset(std::string_view name);

} // namespace imputa::cli::web
