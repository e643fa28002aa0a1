// The top-level file's case header and `use` selections, with the program's
// defaults: standard, doctrine per family, corroboration (docs/language.md §3, §8).
#include "check/passes.hpp"

namespace imputa::check::detail {

namespace {

// Only the top-level file chooses; a second choice of the same thing is a
// mistake worth stopping for, so it is an error (E012, as for a field given twice).
struct Chosen {
  std::optional<SourceSpan> standard;
  std::optional<SourceSpan> corroboration;
  std::map<std::string, SourceSpan> families;
};

bool first_choice(Checker& c, std::optional<SourceSpan>& seen, const ast::Use& use, const std::string& what) {
  if (seen) {
    c.diags.error("E012", use.span, what + " is chosen twice (first at line " + std::to_string(seen->line) + ")");
    return false;
  }
  seen = use.span;
  return true;
}

void read_use(Checker& c, const ast::Use& use, Chosen& chosen) {
  switch (use.kind) {
  case ast::Use::Kind::standard:
    if (!first_choice(c, chosen.standard, use, "the standard of proof")) return;
    // The default `clear_and_convincing` stays even when no such standard is
    // declared (--no-library): only a standard the file names must exist.
    if (resolve_name(c, use.first, mask(SymbolKind::standard), "standard")) c.program.standard = use.first.text;
    return;
  case ast::Use::Kind::doctrine: {
    auto [it, fresh] = chosen.families.try_emplace(use.first.text, use.span);
    if (!fresh) {
      c.diags.error("E012", use.span,
                    "doctrine '" + use.first.text + "' is chosen twice (first at line " +
                        std::to_string(it->second.line) + ")");
      return;
    }
    if (resolve_doctrine_choice(c, use.first, use.second)) c.program.doctrine[use.first.text] = use.second.text;
    return;
  }
  case ast::Use::Kind::corroboration:
    if (!first_choice(c, chosen.corroboration, use, "corroboration")) return;
    if (use.first.text == "noisy_or")
      c.program.corroboration = Corroboration::noisy_or;
    else if (use.first.text == "max")
      c.program.corroboration = Corroboration::max;
    else
      c.diags.error("E002", use.first.span, "unknown corroboration '" + use.first.text + "': use max or noisy_or",
                    did_you_mean(use.first.text, {"max", "noisy_or"}));
    return;
  }
}

void read_top_level(Checker& c, const ast::File& file) {
  if (file.header) {
    c.program.case_id = file.header->id.text;
    c.program.case_title = file.header->title;
    c.program.case_cites = file.header->cites;
  }
  Chosen chosen;
  for (const auto& statement : file.statements)
    if (const auto* use = std::get_if<ast::Use>(&statement)) read_use(c, *use, chosen);
}

// A case header or a selection outside the top-level file (E010): imports and
// the library only add statements; choosing belongs to the case being argued.
void reject_selections(Checker& c, const ast::File& file, bool library) {
  const std::string where = library ? "the library" : "an imported file";
  if (file.header)
    c.diags.error("E010", file.header->span, "a 'case' header belongs in the top-level file, not in " + where);
  for (const auto& statement : file.statements)
    if (const auto* use = std::get_if<ast::Use>(&statement))
      c.diags.error("E010", use->span, "'use' belongs in the top-level file, not in " + where);
}

} // namespace

void read_selections(Checker& c, const std::vector<ast::File>& files) {
  for (std::size_t i = 0; i < files.size(); ++i) {
    const ast::File& file = files[i];
    const bool library = file.file < c.sources.files.size() && c.sources.files[file.file].library;
    if (i + 1 == files.size() && !library)
      read_top_level(c, file);
    else
      reject_selections(c, file, library);
  }
  // Every family gets an alternative: the file's choice, else the first listed.
  for (const auto& [family, info] : c.program.doctrines)
    if (!c.program.doctrine.count(family) && !info.alternatives.empty())
      c.program.doctrine[family] = info.alternatives.front();
}

} // namespace imputa::check::detail
