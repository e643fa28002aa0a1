// The front end: case text -> syntax tree -> checked program, and back to text.
// Nothing here prints or throws to the caller: problems become diagnostics.
#pragma once

#include "imputa/ast.hpp"
#include "imputa/diagnostic.hpp"
#include "imputa/program.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace imputa {

// Limits of docs/language.md §10 (E013).
inline constexpr std::size_t max_file_bytes = 8u * 1024u * 1024u;
inline constexpr std::size_t max_nesting = 256;

namespace parse {

// Parses the text of `sources.files[file]`. Syntax errors are reported as E001
// (E013 for size and nesting) and parsing resumes at the next statement, so
// the returned tree holds every statement that could be read.
ast::File parse_file(const Sources& sources, std::uint32_t file, Diagnostics& diags);

struct LoadOptions {
  bool with_library = true;
  std::optional<std::string> library_path; // replaces the shipped library
};

// The shipped library's text (dsl/lib/gge2015.imputa, compiled in).
std::string_view shipped_library();

// Reads `path`, its imports (relative to the importing file, confined to the
// top-level file's directory tree; cycles reported with the chain) and the
// library. Returns the files in load order: library, imports, top level last.
std::vector<ast::File> load(const std::string& path, const LoadOptions& options,
                            Sources& sources, Diagnostics& diags);

// The same from text already in memory (tests, fuzzing); imports are resolved
// relative to `path`'s directory.
std::vector<ast::File> load_text(const std::string& path, std::string text,
                                 const LoadOptions& options, Sources& sources,
                                 Diagnostics& diags);

} // namespace parse

namespace check {

// Resolves names and runs the static checks of docs/language.md §10 over the loaded
// files (the last one is the top-level file). Returns the program even when
// errors were found; callers must not solve it then.
Program check(const std::vector<ast::File>& files, const Sources& sources, Diagnostics& diags);

// Words given outside any file (the command line: --drop, --claim, --standard,
// --doctrine, --assume, a CLAIM argument), checked against a checked program as
// the same word in a file is: E002 with "did you mean" at `span`.
struct Word {
  std::string text;
  SourceSpan span;
};
// What `--drop NAME` leaves out, as the program knows it: the user's fact
// label, evidence item or rule NAME, else the library rule NAME;
// `library:NAME` always names the library rule (docs/decisions.md).
std::optional<std::string> resolve_drop(const Program& program, const Word& name, Diagnostics& diags);
bool resolve_claim(const Program& program, const Word& name, Diagnostics& diags);
bool resolve_standard(const Program& program, const Word& name, Diagnostics& diags);
bool resolve_doctrine(const Program& program, const Word& family, const Word& alternative, Diagnostics& diags);
// A date read as a date field in a file reads it (`--as-of 2017-06-27`): E011
// if it is not YYYY-MM-DD or not on the calendar.
std::optional<ast::Date> resolve_date(const Word& date, Diagnostics& diags);
// A ground atom over declared entities of fitting types (`--assume`).
bool resolve_ground_atom(const Program& program, const ast::Atom& atom, Diagnostics& diags);

// The words the language itself fixes, for editors (completion, hover): the
// PHIA confidence names with their intervals (docs/semantics.md §3), in order
// of probability, and the evidence kinds (docs/language.md §4).
struct ConfidenceName {
  std::string_view name;
  Rational lo, hi;
};
std::vector<ConfidenceName> confidence_names();
std::vector<std::string_view> evidence_kinds();

} // namespace check

namespace format {

// Canonical layout of one file (docs/language.md §13), comments kept in place.
std::string format_file(const ast::File& file, const Sources& sources);

} // namespace format

} // namespace imputa
