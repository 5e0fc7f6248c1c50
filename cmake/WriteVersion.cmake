# Writes the version header (cmake -P; see Version.cmake). Inputs: GIT_EXECUTABLE,
# SOURCE_DIR, PROJECT_VERSION, OUTPUT.
set(CASEFLOW_GIT_REVISION "unknown")
if(GIT_EXECUTABLE)
  # --exclude=* ignores tags, so the name is always the commit's hash.
  execute_process(COMMAND ${GIT_EXECUTABLE} describe --always --dirty --abbrev=12 --exclude=*
                  WORKING_DIRECTORY ${SOURCE_DIR}
                  OUTPUT_VARIABLE _rev OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET
                  RESULT_VARIABLE _rc)
  if(_rc EQUAL 0 AND _rev)
    set(CASEFLOW_GIT_REVISION "${_rev}")
  endif()
endif()
configure_file(${SOURCE_DIR}/cmake/version.h.in ${OUTPUT} @ONLY)
