// The case language's grammar (docs/language.md §12) in Boost.Spirit X3. This is
// the only translation unit that includes X3: keep it that way, it compiles slowly.
#include "grammar.hpp"

#include <boost/spirit/home/x3.hpp>

#include <algorithm>
#include <array>

namespace imputa::parse::detail {

namespace x3 = boost::spirit::x3;
using boost::fusion::at_c;
using x3::_attr;
using x3::_val;

LineIndex::LineIndex(std::uint32_t file, std::string_view text)
    : file_(file), base_(text.data()), line_starts_(line_starts(text)) {}

SourceSpan LineIndex::span(const char* begin, const char* end) const {
  auto offset = static_cast<std::size_t>(begin - base_);
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  auto line = static_cast<std::size_t>(it - line_starts_.begin()); // 1-based
  std::size_t line_start = line_starts_[line - 1];
  std::size_t line_end = line < line_starts_.size() ? line_starts_[line] - 1 : offset + static_cast<std::size_t>(end - begin);
  std::size_t stop = std::min(offset + static_cast<std::size_t>(end - begin), line_end);
  return SourceSpan{file_, static_cast<std::uint32_t>(line), static_cast<std::uint32_t>(offset - line_start + 1),
                    static_cast<std::uint32_t>(stop > offset ? stop - offset : 0)};
}

namespace {

struct lines_tag;

// The position of a matched range. (X3 1.74's `_where` is not the matched
// range, so positions always come from `x3::raw`.)
template <typename Ctx, typename Range>
SourceSpan span_of(const Ctx& ctx, const Range& range) {
  const LineIndex& lines = x3::get<lines_tag>(ctx).get();
  const char* b = &*range.begin();
  return lines.span(b, b + (range.end() - range.begin()));
}

template <typename Range>
std::string text_of(const Range& range) {
  return std::string(&*range.begin(), static_cast<std::size_t>(range.end() - range.begin()));
}

bool is_ident_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

constexpr std::array reserved_words{
    "case", "import", "use", "standard", "doctrine", "corroboration", "predicate", "state", "actor",
    "object", "operation", "source", "fact", "evidence", "rule", "claim", "supports", "contradicts",
    "confidence", "date", "cite", "derived_from", "holds", "as", "under", "expect", "drop", "assume",
    "as_of", "if", "when", "and", "or", "not", "true", "false", "accusation", "assessment",
    "hypothesis", "number", "contrary_below"};

} // namespace

bool is_reserved(std::string_view word) {
  return std::find(reserved_words.begin(), reserved_words.end(), word) != reserved_words.end();
}

namespace {

// A reserved word, not followed by a letter, digit or '_': `as` must not match `as_of`.
struct keyword_parser : x3::parser<keyword_parser> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;
  std::string_view word;

  constexpr explicit keyword_parser(std::string_view w) : word(w) {}

  template <typename It, typename Ctx, typename RCtx, typename Attr>
  bool parse(It& first, const It& last, const Ctx& ctx, RCtx&, Attr&) const {
    x3::skip_over(first, last, ctx);
    It it = first;
    for (char c : word) {
      if (it == last || *it != c) return false;
      ++it;
    }
    if (it != last && is_ident_char(*it)) return false;
    first = it;
    return true;
  }
};

constexpr keyword_parser kw(std::string_view w) { return keyword_parser(w); }

} // namespace
} // namespace imputa::parse::detail

namespace boost::spirit::x3 {
template <>
struct get_info<imputa::parse::detail::keyword_parser> {
  using result_type = std::string;
  std::string operator()(const imputa::parse::detail::keyword_parser& p) const {
    return "'" + std::string(p.word) + "'";
  }
};
// An action is described by what it parses, not by its C++ type.
template <typename Subject, typename Action>
struct get_info<action<Subject, Action>> {
  using result_type = std::string;
  std::string operator()(const action<Subject, Action>& p) const { return what(p.subject); }
};
} // namespace boost::spirit::x3

namespace imputa::parse::detail {
namespace {

using ast::Field;

// Chains (`not not ...`, `a + b + ...`) are read by loops but become nested
// nodes; past this depth the statement is refused (E013) so that no later pass
// recurses without bound.
constexpr std::size_t max_depth = 256;
struct TooDeep {
  SourceSpan span;
};
using ast::Formula;
using ast::NumExpr;

// ---- semantic-action helpers: each sets one part of the rule's value ----

template <auto Member>
constexpr auto set = [](auto& ctx) { _val(ctx).*Member = std::move(_attr(ctx)); };

template <auto Member>
constexpr auto push = [](auto& ctx) { (_val(ctx).*Member).push_back(std::move(_attr(ctx))); };

constexpr auto set_span = [](auto& ctx) { _val(ctx).span = span_of(ctx, _attr(ctx)); };

// `spanned(p)`: parses p for its actions' sake only (no synthesized attribute,
// which X3 cannot build for these sequences) and records the node's position.
template <typename P>
constexpr auto spanned(P p) { return x3::raw[p][set_span]; }

constexpr auto assign = [](auto& ctx) { _val(ctx) = std::move(_attr(ctx)); };

// ---- tokens ----

const auto ident_char = x3::char_("a-zA-Z0-9_");
// A comment runs to the newline, as the comment scan in parser.cpp reads it: x3::eol
// would also stop at a lone '\r' and parse the rest of the line as statements
// that the formatter then printed twice, inside the comment and after it.
const auto skipper = x3::ascii::space | x3::lexeme['#' >> *(x3::char_ - '\n')];

const x3::rule<struct identifier_id, std::string> identifier = "a name (lower-case letters, digits and _)";
const auto identifier_def = x3::lexeme[x3::char_("a-z") >> *x3::char_("a-z0-9_")];

const x3::rule<struct name_id, ast::Name> name = "a name (lower-case letters, digits and _)";
const auto name_def = x3::raw[identifier][([](auto& ctx) {
  std::string text = text_of(_attr(ctx));
  if (is_reserved(text)) {
    x3::_pass(ctx) = false;
    return;
  }
  _val(ctx) = ast::Name{std::move(text), span_of(ctx, _attr(ctx))};
})];

const x3::rule<struct variable_id, std::string> variable_text = "a variable";
const auto variable_text_def =
    x3::lexeme[(x3::char_("A-Z") >> *ident_char) | (x3::char_('_') >> !ident_char)];

const x3::rule<struct string_id, std::string> quoted = "a text in double quotes";
const auto escape = x3::lit('\\') > (x3::lit('"') >> x3::attr('"') | x3::lit('\\') >> x3::attr('\\') |
                                     x3::lit('n') >> x3::attr('\n'));
const auto quoted_def =
    x3::lexeme['"' > *(escape | (x3::char_ - x3::char_('"') - x3::char_('\\') - x3::char_('\x00', '\x1f'))) >
               '"'];

const x3::rule<struct number_text_id, std::string> number_text = "a number";
const auto number_text_def = x3::lexeme[x3::raw[-x3::lit('-') >> +x3::digit >> -('.' >> +x3::digit)]];

const x3::rule<struct number_id, Rational> number = "a number";
const auto number_def = number_text[([](auto& ctx) {
  auto value = parse_decimal(_attr(ctx));
  if (!value) x3::_pass(ctx) = false;
  else _val(ctx) = *value;
})];

// ---- values ----

const x3::rule<struct value_id, ast::Value> value = "a name, a number or an interval (LO..HI)";
const x3::rule<struct interval_id, ast::Value> interval = "an interval (LO..HI)";
const x3::rule<struct plain_number_id, ast::Value> number_value = "a number";
const x3::rule<struct date_id, ast::Date> date = "a date (YYYY-MM-DD)";

const auto interval_def = x3::raw[x3::lexeme[number_text >> ".." >> number_text]][([](auto& ctx) {
  std::string text = text_of(_attr(ctx));
  auto dots = text.find("..");
  auto& v = _val(ctx);
  v.kind = ast::Value::Kind::interval;
  v.lo = *parse_decimal(std::string_view(text).substr(0, dots));
  v.hi = *parse_decimal(std::string_view(text).substr(dots + 2));
  v.span = span_of(ctx, _attr(ctx));
})];

const auto number_value_def = x3::raw[number][([](auto& ctx) {
  auto& v = _val(ctx);
  v.kind = ast::Value::Kind::number;
  v.lo = v.hi = *parse_decimal(text_of(_attr(ctx)));
  v.span = span_of(ctx, _attr(ctx));
})];

// The name branch has a rule of its own: with a bare action there, X3 would
// parse the other branches into a temporary and drop their value.
const x3::rule<struct name_value_id, ast::Value> name_value = "a name";
const auto name_value_def = name[([](auto& ctx) {
  auto& v = _val(ctx);
  v.kind = ast::Value::Kind::name;
  v.name = _attr(ctx).text;
  v.span = _attr(ctx).span;
})];
const auto value_def = interval | number_value | name_value;

const auto digits2 = x3::uint_parser<unsigned, 10, 2, 2>();
const auto digits4 = x3::uint_parser<unsigned, 10, 4, 4>();
const auto date_def = x3::lexeme[digits4 >> '-' >> digits2 >> '-' >> digits2 >> !ident_char][([](auto& ctx) {
  _val(ctx) = ast::Date{static_cast<int>(at_c<0>(_attr(ctx))), static_cast<int>(at_c<1>(_attr(ctx))),
                        static_cast<int>(at_c<2>(_attr(ctx)))};
})];

// ---- terms, atoms, formulas ----

const x3::rule<struct term_id, ast::Term> term = "a name or a variable";
const auto term_def = x3::raw[variable_text][([](auto& ctx) {
                        _val(ctx) = ast::Term{text_of(_attr(ctx)), true, span_of(ctx, _attr(ctx))};
                      })] |
                      name[([](auto& ctx) {
                        _val(ctx) = ast::Term{_attr(ctx).text, false, _attr(ctx).span};
                      })];

const x3::rule<struct atom_id, ast::Atom> atom = "an atom such as performed_by(op, gru)";
const auto atom_def = spanned(name[set<&ast::Atom::predicate>] >>
                       -('(' > (term[push<&ast::Atom::args>] % ',') > ')'));

const x3::rule<struct operand_id, NumExpr> operand = "a number, a quantity such as harm(op), or a variable";
const auto operand_def = number_value[([](auto& ctx) {
                           _val(ctx).kind = NumExpr::Kind::number;
                           _val(ctx).number = _attr(ctx).lo;
                           _val(ctx).span = _attr(ctx).span;
                         })] |
                         term[([](auto& ctx) {
                           // A bare lower-case name is a zero-arity atom; see ast::NumExpr.
                           if (!_attr(ctx).variable) {
                             x3::_pass(ctx) = false;
                             return;
                           }
                           _val(ctx).kind = NumExpr::Kind::variable;
                           _val(ctx).span = _attr(ctx).span;
                           _val(ctx).variable = std::move(_attr(ctx));
                         })] |
                         atom[([](auto& ctx) {
                           _val(ctx).kind = NumExpr::Kind::atom;
                           _val(ctx).span = _attr(ctx).span;
                           _val(ctx).atom = std::move(_attr(ctx));
                         })];

// `NUMBER '*' numterm`, read as a loop so that a long product cannot exhaust the stack.
const x3::rule<struct product_id, NumExpr> product = "a number, a quantity such as harm(op), or a variable";
const auto product_def = (*(number_value >> '*') >> operand)[([](auto& ctx) {
  auto& factors = at_c<0>(_attr(ctx));
  if (factors.size() >= max_depth) throw TooDeep{factors[max_depth - 1].span};
  NumExpr result = std::move(at_c<1>(_attr(ctx)));
  for (auto it = factors.rbegin(); it != factors.rend(); ++it) {
    NumExpr factor;
    factor.kind = NumExpr::Kind::number;
    factor.number = it->lo;
    factor.span = it->span;
    NumExpr mul;
    mul.kind = NumExpr::Kind::mul;
    mul.span = it->span;
    mul.operands.push_back(std::move(factor));
    mul.operands.push_back(std::move(result));
    result = std::move(mul);
  }
  _val(ctx) = std::move(result);
})];

const x3::rule<struct numexpr_id, NumExpr> numexpr = "an arithmetic expression";
const x3::rule<struct signed_term_id, std::pair<char, NumExpr>> signed_term = "'+' or '-' and a number or quantity";
const auto signed_term_def = (x3::char_("+-") > product)[([](auto& ctx) {
  _val(ctx) = {at_c<0>(_attr(ctx)), std::move(at_c<1>(_attr(ctx)))};
})];

const auto numexpr_def = (product >> *signed_term)[([](auto& ctx) {
  auto& rest = at_c<1>(_attr(ctx));
  if (rest.size() >= max_depth) throw TooDeep{rest[max_depth - 1].second.span};
  NumExpr result = std::move(at_c<0>(_attr(ctx)));
  for (auto& [sign, term] : rest) {
    NumExpr node;
    node.kind = sign == '+' ? NumExpr::Kind::add : NumExpr::Kind::sub;
    node.span = result.span;
    node.operands.push_back(std::move(result));
    node.operands.push_back(std::move(term));
    result = std::move(node);
  }
  _val(ctx) = std::move(result);
})];

const x3::rule<struct cmp_op_id, ast::CmpOp> cmp_op = "a comparison (<, <=, >, >=, =, !=)";
const auto cmp_op_def = x3::lit("<=")[([](auto& ctx) { _val(ctx) = ast::CmpOp::le; })] |
                        x3::lit(">=")[([](auto& ctx) { _val(ctx) = ast::CmpOp::ge; })] |
                        x3::lit("!=")[([](auto& ctx) { _val(ctx) = ast::CmpOp::ne; })] |
                        x3::lit('<')[([](auto& ctx) { _val(ctx) = ast::CmpOp::lt; })] |
                        x3::lit('>')[([](auto& ctx) { _val(ctx) = ast::CmpOp::gt; })] |
                        x3::lit('=')[([](auto& ctx) { _val(ctx) = ast::CmpOp::eq; })];

const x3::rule<struct comparison_id, Formula> comparison = "a comparison";
const auto comparison_def = ((numexpr >> cmp_op) > numexpr)[([](auto& ctx) {
  auto& f = _val(ctx);
  f.kind = Formula::Kind::comparison;
  f.comparison->lhs = std::move(at_c<0>(_attr(ctx)));
  f.comparison->op = at_c<1>(_attr(ctx));
  f.comparison->rhs = std::move(at_c<2>(_attr(ctx)));
  f.span = f.comparison->lhs.span;
})];

const x3::rule<struct atom_formula_id, Formula> atom_formula = "an atom";
const auto atom_formula_def = atom[([](auto& ctx) {
  _val(ctx).kind = Formula::Kind::atom;
  _val(ctx).span = _attr(ctx).span;
  _val(ctx).atom = std::move(_attr(ctx));
})];

const x3::rule<struct disjunction_id, Formula> disjunction = "a formula";
const x3::rule<struct conjunction_id, Formula> conjunction = "a formula";
const x3::rule<struct unary_id, Formula> unary = "a formula";
const x3::rule<struct not_word_id, SourceSpan> not_word = "'not'";
const x3::rule<struct negations_id, std::vector<SourceSpan>> negations = "'not'";
const x3::rule<struct primary_id, Formula> primary = "an atom, a comparison, true, false or (formula)";

constexpr auto chain(Formula::Kind kind) {
  return [kind](auto& ctx) {
    auto& parts = _attr(ctx);
    if (parts.size() == 1) {
      _val(ctx) = std::move(parts.front());
      return;
    }
    Formula f;
    f.kind = kind;
    f.span = parts.front().span;
    for (auto& p : parts) f.operands.push_back(std::move(p));
    _val(ctx) = std::move(f);
  };
}

const auto disjunction_def = (conjunction % kw("or"))[chain(Formula::Kind::disjunction)];
const auto conjunction_def = (unary % kw("and"))[chain(Formula::Kind::conjunction)];

// The most negations on one path down `f`. Every formula already built is
// below max_depth, so this recursion is bounded.
std::size_t negation_depth(const Formula& f) {
  std::size_t deepest = 0;
  for (const auto& o : f.operands) deepest = std::max(deepest, negation_depth(o));
  return deepest + (f.kind == Formula::Kind::negation ? 1 : 0);
}

// `not not not a` is read as a loop, not by recursion. Negations inside
// parentheses count with the chain: `not (not (...))` 255 times over, each
// below both limits alone, would otherwise nest 65,000 deep.
const auto not_word_def = x3::raw[kw("not")][([](auto& ctx) { _val(ctx) = span_of(ctx, _attr(ctx)); })];
const auto negations_def = *not_word;
const auto unary_def = (negations >> primary)[([](auto& ctx) {
  auto& nots = at_c<0>(_attr(ctx));
  Formula f = std::move(at_c<1>(_attr(ctx)));
  std::size_t inner = nots.empty() ? 0 : negation_depth(f);
  if (nots.size() + inner >= max_depth) throw TooDeep{nots[std::min(nots.size(), max_depth) - 1]};
  for (auto it = nots.rbegin(); it != nots.rend(); ++it) {
    Formula n;
    n.kind = Formula::Kind::negation;
    n.span = *it;
    n.operands.push_back(std::move(f));
    f = std::move(n);
  }
  _val(ctx) = std::move(f);
})];

const auto primary_def = ('(' > disjunction > ')')[assign] |
                         x3::raw[kw("true")][([](auto& ctx) {
                           _val(ctx).kind = Formula::Kind::truth;
                           _val(ctx).span = span_of(ctx, _attr(ctx));
                         })] |
                         x3::raw[kw("false")][([](auto& ctx) {
                           _val(ctx).kind = Formula::Kind::falsity;
                           _val(ctx).span = span_of(ctx, _attr(ctx));
                         })] |
                         comparison[assign] | atom_formula[assign];

// A rule body literal: an atom, `not atom`, or a comparison.
const x3::rule<struct literal_id, Formula> literal = "a condition such as organ_of(A, S), 'not' and a condition, or a comparison";
const auto literal_def = (not_word > atom_formula)[([](auto& ctx) {
                           Formula n;
                           n.kind = Formula::Kind::negation;
                           n.span = at_c<0>(_attr(ctx));
                           n.operands.push_back(std::move(at_c<1>(_attr(ctx))));
                           _val(ctx) = std::move(n);
                         })] |
                         comparison[assign] | atom_formula[assign];

BOOST_SPIRIT_DEFINE(identifier, name, variable_text, quoted, number_text, number, name_value, value, interval,
                    number_value, date, term, atom, operand, product, numexpr, cmp_op, comparison,
                    signed_term, atom_formula, disjunction, conjunction, unary, not_word, negations, primary, literal)

// ---- block fields (shared by evidence and claims; the checks say which belongs where) ----

template <Field::Kind K>
constexpr auto field_atom = [](auto& ctx) {
  _val(ctx).kind = K;
  _val(ctx).atom = std::move(_attr(ctx));
};
template <Field::Kind K>
constexpr auto field_name = [](auto& ctx) {
  _val(ctx).kind = K;
  _val(ctx).name = std::move(_attr(ctx));
};
template <Field::Kind K>
constexpr auto field_date = [](auto& ctx) {
  _val(ctx).kind = K;
  _val(ctx).date = _attr(ctx);
};

const x3::rule<struct mode_id, ast::Name> mode = "accusation, assessment or hypothesis";
const auto mode_def = x3::raw[kw("accusation") | kw("assessment") | kw("hypothesis")][([](auto& ctx) {
  _val(ctx) = ast::Name{text_of(_attr(ctx)), span_of(ctx, _attr(ctx))};
})];

const x3::rule<struct field_id, Field> field = "a field (or '}' to close the block)";
const auto field_def = spanned(
    (kw("supports") > atom)[field_atom<Field::Kind::supports>] |
    (kw("contradicts") > atom)[field_atom<Field::Kind::contradicts>] |
    (kw("confidence") > value)[([](auto& ctx) {
      _val(ctx).kind = Field::Kind::confidence;
      _val(ctx).value = std::move(_attr(ctx));
        })] |
    (kw("source") > name)[field_name<Field::Kind::source>] |
    (kw("derived_from") > name)[field_name<Field::Kind::derived_from>] |
    (kw("date") > date)[field_date<Field::Kind::date>] |
    (kw("cite") > quoted)[([](auto& ctx) {
      _val(ctx).kind = Field::Kind::cite;
      _val(ctx).text = std::move(_attr(ctx));
        })] |
    (kw("holds") > disjunction)[([](auto& ctx) {
      _val(ctx).kind = Field::Kind::holds;
      _val(ctx).formula = std::move(_attr(ctx));
        })] |
    (kw("as_of") > date)[field_date<Field::Kind::as_of>] |
    (kw("as") > mode)[field_name<Field::Kind::as>] |
    (kw("standard") > name)[field_name<Field::Kind::standard>] |
    (kw("under") > name > '=' > name)[([](auto& ctx) {
      _val(ctx).kind = Field::Kind::under;
      _val(ctx).name = std::move(at_c<0>(_attr(ctx)));
      _val(ctx).name2 = std::move(at_c<1>(_attr(ctx)));
        })] |
    (kw("drop") > name)[field_name<Field::Kind::drop>] |
    (kw("assume") > atom)[field_atom<Field::Kind::assume>] |
    (kw("expect") > name)[field_name<Field::Kind::expect>]);

// ---- statements ----

const x3::rule<struct case_header_id, ast::CaseHeader> case_header = "a case header";
const auto case_header_def = spanned(kw("case") > name[set<&ast::CaseHeader::id>] >
                              quoted[set<&ast::CaseHeader::title>] >
                              -('{' > *(kw("cite") > quoted[push<&ast::CaseHeader::cites>]) > '}'));

const x3::rule<struct import_id, ast::Import> import_stmt = "an import";
const auto import_stmt_def = spanned(kw("import") > quoted[set<&ast::Import::path>] > '.');

const x3::rule<struct corroboration_id, ast::Name> corroboration_mode = "'max' or 'noisy_or'";
const auto corroboration_mode_def = name[([](auto& ctx) {
  if (_attr(ctx).text != "max" && _attr(ctx).text != "noisy_or") x3::_pass(ctx) = false;
  else _val(ctx) = std::move(_attr(ctx));
})];

const x3::rule<struct use_id, ast::Use> use_stmt = "a selection";
const x3::rule<struct use_what_id, ast::Use> use_what = "standard, doctrine or corroboration";
const auto use_what_def = (kw("standard") > name)[([](auto& ctx) {
                            _val(ctx).kind = ast::Use::Kind::standard;
                            _val(ctx).first = std::move(_attr(ctx));
                          })] |
                          (kw("doctrine") > name > '=' > name)[([](auto& ctx) {
                            _val(ctx).kind = ast::Use::Kind::doctrine;
                            _val(ctx).first = std::move(at_c<0>(_attr(ctx)));
                            _val(ctx).second = std::move(at_c<1>(_attr(ctx)));
                          })] |
                          (kw("corroboration") > corroboration_mode)[([](auto& ctx) {
                            _val(ctx).kind = ast::Use::Kind::corroboration;
                            _val(ctx).first = std::move(_attr(ctx));
                          })];
const auto use_stmt_def = spanned(kw("use") > use_what[assign] > '.');

const x3::rule<struct standard_decl_id, ast::StandardDecl> standard_decl = "a standard of proof";
const auto standard_decl_def =
    spanned(kw("standard") > name[set<&ast::StandardDecl::id>] > number_value[set<&ast::StandardDecl::threshold>] >
     -(kw("contrary_below") > number_value[set<&ast::StandardDecl::contrary_below>]) >
     quoted[set<&ast::StandardDecl::description>] > '.');

const x3::rule<struct doctrine_decl_id, ast::DoctrineDecl> doctrine_decl = "a doctrine family";
const auto doctrine_decl_def =
    spanned(kw("doctrine") > name[set<&ast::DoctrineDecl::family>] > '=' >
     (name[push<&ast::DoctrineDecl::alternatives>] % '|') > quoted[set<&ast::DoctrineDecl::description>] >
     '.');

const x3::rule<struct entity_type_id, ast::EntityType> entity_type = "state, actor, object or operation";
const auto entity_type_def = kw("state")[([](auto& ctx) { _val(ctx) = ast::EntityType::state; })] |
                             kw("actor")[([](auto& ctx) { _val(ctx) = ast::EntityType::actor; })] |
                             kw("object")[([](auto& ctx) { _val(ctx) = ast::EntityType::object; })] |
                             kw("operation")[([](auto& ctx) { _val(ctx) = ast::EntityType::operation; })];

const x3::rule<struct param_id, ast::Param> param = "state, actor, object or operation";
const auto param_def = spanned(entity_type[set<&ast::Param::type>]);

const x3::rule<struct predicate_decl_id, ast::PredicateDecl> predicate_decl = "a predicate declaration";
const auto predicate_decl_def =
    spanned(kw("predicate") > name[set<&ast::PredicateDecl::id>] > '(' >
     -(param[push<&ast::PredicateDecl::params>] % ',') > ')' >
     -(x3::lit(':') > kw("number"))[([](auto& ctx) { _val(ctx).numeric = true; })] >
     *name[push<&ast::PredicateDecl::tags>] > quoted[set<&ast::PredicateDecl::description>] > '.');

const x3::rule<struct entity_decl_id, ast::EntityDecl> entity_decl = "an entity declaration";
const auto entity_decl_def = spanned(entity_type[set<&ast::EntityDecl::type>] > name[set<&ast::EntityDecl::id>] >
                              quoted[set<&ast::EntityDecl::label>] > '.');

const x3::rule<struct source_decl_id, ast::SourceDecl> source_decl = "a source declaration";
const auto source_decl_def =
    spanned(kw("source") > name[set<&ast::SourceDecl::id>] > quoted[set<&ast::SourceDecl::label>] > '.');

const x3::rule<struct numeric_fact_id, ast::Fact> numeric_fact = "a numeric fact";
const x3::rule<struct numeric_value_id, ast::Value> numeric_value = "a number or an interval (LO..HI)";
const auto numeric_value_def = interval | number_value;
const auto numeric_fact_def = (atom >> '=' >> numeric_value >> &x3::lit('.'))[([](auto& ctx) {
  _val(ctx).numeric = true;
  _val(ctx).target = std::move(at_c<0>(_attr(ctx)));
  _val(ctx).value = std::move(at_c<1>(_attr(ctx)));
})];

const x3::rule<struct fact_id, ast::Fact> fact = "a fact";
const auto fact_label = name >> ':';
const auto fact_def = spanned(kw("fact") > -fact_label[([](auto& ctx) { _val(ctx).label = std::move(_attr(ctx)); })] >
                       (numeric_fact[([](auto& ctx) {
                          _val(ctx).numeric = true;
                          _val(ctx).target = std::move(_attr(ctx).target);
                          _val(ctx).value = std::move(_attr(ctx).value);
                        })] |
                        disjunction[set<&ast::Fact::formula>]) > '.');

const x3::rule<struct evidence_id, ast::Evidence> evidence = "an evidence item";
const auto evidence_def = spanned(kw("evidence") > name[set<&ast::Evidence::id>] > name[set<&ast::Evidence::kind>] >
                           quoted[set<&ast::Evidence::summary>] > '{' > *field[push<&ast::Evidence::fields>] >
                           '}');

const x3::rule<struct rule_stmt_id, ast::Rule> rule_stmt = "a rule";
const auto rule_stmt_def =
    spanned(kw("rule") > name[set<&ast::Rule::id>] > quoted[set<&ast::Rule::label>] >
     -(kw("cite") > quoted[set<&ast::Rule::cite>]) >
     -(kw("when") > name[set<&ast::Rule::when_family>] > '=' > name[set<&ast::Rule::when_alternative>]) > ':' >
     atom[set<&ast::Rule::head>] > kw("if") > (literal[push<&ast::Rule::body>] % (x3::lit(',') | kw("and"))) >
     '.');

const x3::rule<struct claim_id, ast::Claim> claim = "a claim";
const auto claim_def = spanned(kw("claim") > name[set<&ast::Claim::id>] > quoted[set<&ast::Claim::text>] > '{' >
                        *field[push<&ast::Claim::fields>] > '}');

const x3::rule<struct statement_id, ast::Statement> statement = "a statement";
const auto statement_def = import_stmt[assign] | use_stmt[assign] | doctrine_decl[assign] |
                           predicate_decl[assign] | entity_decl[assign] | fact[assign] |
                           evidence[assign] | rule_stmt[assign] | claim[assign] |
                           // `standard` and `source` last: both words also open block fields.
                           standard_decl[assign] | source_decl[assign];

BOOST_SPIRIT_DEFINE(mode, field, case_header, import_stmt, corroboration_mode, use_what, use_stmt,
                    standard_decl, doctrine_decl, entity_type, param, predicate_decl, entity_decl,
                    source_decl, numeric_value, numeric_fact, fact, evidence, rule_stmt, claim, statement)

// X3 names its own parsers in its own notation; say it in words.
std::string describe(std::string which) {
  if (which == "'.'") return "'.' to end the statement";
  if (which.rfind("lexeme", 0) == 0 || which.rfind("sequence", 0) == 0 || which.empty()) return "more input";
  return which;
}

} // namespace

std::optional<ast::Date> parse_date(std::string_view text) {
  const char* first = text.data();
  const char* last = first + text.size();
  ast::Date out;
  if (!x3::parse(first, last, date, out) || first != last) return std::nullopt;
  return out;
}

StatementResult parse_statement(const char*& first, const char* last, const LineIndex& lines) {
  StatementResult result;
  const char* probe = first;
  x3::skip_over(probe, last, x3::make_context<x3::skipper_tag>(skipper));
  first = probe;
  if (first == last) {
    result.status = StatementResult::Status::end;
    return result;
  }
  auto lines_ref = std::cref(lines); // an lvalue: x3::with keeps a reference to it
  const auto with_lines = x3::with<lines_tag>(lines_ref);
  try {
    const char* it = first;
    if (x3::phrase_parse(it, last, with_lines[case_header], skipper, result.header)) {
      result.status = StatementResult::Status::header;
      first = it;
      return result;
    }
    it = first;
    if (x3::phrase_parse(it, last, with_lines[statement], skipper, result.statement)) {
      result.status = StatementResult::Status::statement;
      first = it;
      return result;
    }
    result.status = StatementResult::Status::failed;
    result.error_at = first;
    result.expected = "a statement (case, import, use, standard, doctrine, predicate, state, actor, object, "
                      "operation, source, fact, evidence, rule or claim)";
  } catch (const TooDeep& e) {
    result.status = StatementResult::Status::too_deep;
    result.too_deep_at = e.span;
  } catch (const x3::expectation_failure<const char*>& e) {
    result.status = StatementResult::Status::failed;
    result.error_at = e.where();
    result.expected = describe(e.which());
  }
  return result;
}

} // namespace imputa::parse::detail
