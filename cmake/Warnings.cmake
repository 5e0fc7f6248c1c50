# Project-wide compile flags, applied through an interface target so third-party code is unaffected.
add_library(caseflow_flags INTERFACE)
target_compile_options(caseflow_flags INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
                                                -Wno-sign-conversion
                                                # GCC 12 reports false -Wrestrict hits inside
                                                # std::string concatenation (GCC bug 105329).
                                                $<$<CXX_COMPILER_ID:GNU>:-Wno-restrict>)
if(CASEFLOW_WERROR)
  target_compile_options(caseflow_flags INTERFACE -Werror)
endif()
if(CASEFLOW_SANITIZE)
  target_compile_options(caseflow_flags INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer
                                                  -fno-sanitize-recover=all
                                                  # GCC documents false maybe-uninitialized hits
                                                  # under the sanitizers' instrumentation.
                                                  -Wno-maybe-uninitialized)
  target_link_options(caseflow_flags INTERFACE -fsanitize=address,undefined)
endif()

if(CASEFLOW_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "CASEFLOW_FUZZ needs clang (libFuzzer): configure with CXX=clang++ (scripts/fuzz.sh does)")
  endif()
  target_compile_options(caseflow_flags INTERFACE -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer
                                                  -fno-sanitize-recover=all)
  target_link_options(caseflow_flags INTERFACE -fsanitize=address,undefined)
endif()

# A library from globbed sources; an interface library while its folder has no sources yet.
function(caseflow_library name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPENDS" ${ARGN})
  if(ARG_SOURCES)
    add_library(${name} STATIC ${ARG_SOURCES})
    target_include_directories(${name} PUBLIC ${CMAKE_SOURCE_DIR} ${CMAKE_BINARY_DIR}/generated)
    target_link_libraries(${name} PUBLIC caseflow_flags ${ARG_DEPENDS})
  else()
    add_library(${name} INTERFACE)
    target_include_directories(${name} INTERFACE ${CMAKE_SOURCE_DIR} ${CMAKE_BINARY_DIR}/generated)
    target_link_libraries(${name} INTERFACE caseflow_flags ${ARG_DEPENDS})
  endif()
endfunction()
