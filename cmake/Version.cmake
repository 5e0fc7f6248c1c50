# The git revision is baked into `caseflow --version` and summary.json so that a run can be
# traced to its source. It is read again at every build, not only when CMake configures, so
# it follows new commits; the header is rewritten only when the revision changes, so an
# unchanged tree rebuilds nothing. A tree with uncommitted changes reads "<revision>-dirty".
find_package(Git QUIET)
set(CASEFLOW_VERSION_HEADER ${CMAKE_BINARY_DIR}/generated/caseflow/version.h)
set(_caseflow_version_args -DGIT_EXECUTABLE=${GIT_EXECUTABLE} -DSOURCE_DIR=${CMAKE_SOURCE_DIR}
                           -DPROJECT_VERSION=${PROJECT_VERSION} -DOUTPUT=${CASEFLOW_VERSION_HEADER})
execute_process(COMMAND ${CMAKE_COMMAND} ${_caseflow_version_args} -P ${CMAKE_SOURCE_DIR}/cmake/WriteVersion.cmake)
add_custom_target(caseflow_version
                  COMMAND ${CMAKE_COMMAND} ${_caseflow_version_args} -P ${CMAKE_SOURCE_DIR}/cmake/WriteVersion.cmake
                  BYPRODUCTS ${CASEFLOW_VERSION_HEADER}
                  COMMENT "Reading the git revision")
