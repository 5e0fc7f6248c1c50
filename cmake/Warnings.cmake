# Project-wide compile flags, applied through an interface target so third-party code is unaffected.
add_library(caseflow_flags INTERFACE)
target_compile_options(caseflow_flags INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
                                                -Wno-sign-conversion)
if(CASEFLOW_WERROR)
  target_compile_options(caseflow_flags INTERFACE -Werror)
endif()
if(CASEFLOW_SANITIZE)
  target_compile_options(caseflow_flags INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer
                                                  -fno-sanitize-recover=all)
  target_link_options(caseflow_flags INTERFACE -fsanitize=address,undefined)
endif()
