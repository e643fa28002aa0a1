// A small case on the shipped library shared by the command-line tests: an
// organ, a target, one evidence item (e_icca) and one claim (attribution).
#pragma once

#include <string>

namespace imputa::testing {

inline const std::string small_case = R"(state victim "The victim state".
state rus "Russian Federation".
actor gru "GRU".
operation op "The operation".
source cert "The victim's CERT".

fact f_organ: organ_of(gru, rus).
fact f_target: targets(op, victim).

evidence e_icca forensic "Malware shared with earlier GRU tools" {
  supports performed_by(op, gru)
  confidence highly_likely
  source cert
}

claim attribution "The operation is an act of Russia" {
  holds attributable(op, rus)
  expect established
}
)";

} // namespace imputa::testing
