# Writes a C++ source that holds a text file as a string (the shipped library).
# Usage: cmake -DINPUT=file -DOUTPUT=file.cpp -DSYMBOL=name -P embed.cmake
file(READ "${INPUT}" content HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${content}")
string(LENGTH "${content}" hexlen)
math(EXPR len "${hexlen} / 2")
file(WRITE "${OUTPUT}.tmp"
  "// Generated from ${INPUT} by cmake/embed.cmake: do not edit.\n"
  "#include <string_view>\n"
  "namespace imputa::detail {\n"
  "static const char ${SYMBOL}_data[] = {${bytes} '\\0'};\n"
  "extern const std::string_view ${SYMBOL};\n"
  "const std::string_view ${SYMBOL}(${SYMBOL}_data, ${len});\n"
  "}\n")
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
