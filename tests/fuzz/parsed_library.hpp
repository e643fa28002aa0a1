// Shared by the fuzz targets: the shipped library, parsed once per process;
// each input is checked against a copy of its Sources.
#pragma once

#include "imputa/dsl.hpp"

#include <cstdlib>
#include <string>

namespace imputa::fuzz {

struct Library {
  Sources sources;
  ast::File file;
  Library() {
    Diagnostics diags;
    auto id = sources.add({"<library gge2015>", std::string(parse::shipped_library()), true});
    file = parse::parse_file(sources, id, diags);
    if (diags.has_errors()) std::abort();
  }
};

inline const Library& library() {
  static const Library lib;
  return lib;
}

} // namespace imputa::fuzz
