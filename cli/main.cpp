// The imputa command: everything lives in cli::run; here only the last line of defence.
#include "commands.hpp"

#include <exception>
#include <iostream>

int main(int argc, char** argv) {
  try {
    return imputa::cli::run(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "imputa: internal error: " << e.what()
              << "\nThis is a bug in imputa; please report it with the case file that caused it.\n";
  } catch (...) {
    std::cerr << "imputa: internal error (unknown exception)\n"
                 "This is a bug in imputa; please report it with the case file that caused it.\n";
  }
  return imputa::cli::internal_error;
}
