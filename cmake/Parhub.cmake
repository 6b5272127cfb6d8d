# The project's build vocabulary: every library, test and service is declared
# with one of these, so warnings, include paths and test labels are the same
# everywhere.
#
#   parhub_cc_library(<name> SRCS … DEPS …)
#   parhub_cc_test(<name> LABEL unit|integration|e2e SRCS … DEPS …)
#   parhub_service(<svc> PROTO <pkg> MIGRATIONS <Fn>
#                  DOMAIN_SRCS … LIB_SRCS … TEST_SUPPORT_SRCS …
#                  UNIT_TESTS … INTEGRATION_TESTS …)

function(parhub_cc_library name)
  cmake_parse_arguments(ARG "" "" "SRCS;DEPS" ${ARGN})
  add_library(${name} STATIC ${ARG_SRCS})
  target_include_directories(${name} PUBLIC ${CMAKE_SOURCE_DIR})
  target_compile_options(${name} PRIVATE ${PARHUB_WARNINGS})
  target_link_libraries(${name} PUBLIC ${ARG_DEPS})
endfunction()

function(parhub_cc_test name)
  if(NOT PARHUB_BUILD_TESTS)
    return()
  endif()
  cmake_parse_arguments(ARG "" "LABEL" "SRCS;DEPS" ${ARGN})
  if(NOT ARG_LABEL MATCHES "^(unit|integration|e2e)$")
    message(FATAL_ERROR "parhub_cc_test(${name}): LABEL must be unit, integration or e2e")
  endif()
  add_executable(${name} ${ARG_SRCS})
  target_compile_options(${name} PRIVATE ${PARHUB_WARNINGS})
  target_link_libraries(${name} PRIVATE ${ARG_DEPS} parhub_platform_testing GTest::gmock_main)
  gtest_discover_tests(${name} PROPERTIES LABELS ${ARG_LABEL} DISCOVERY_TIMEOUT 60)
  if(ARG_LABEL MATCHES "^(unit|integration)$")
    add_dependencies(parhub_unit_integration_tests ${name})
  endif()
endfunction()

# A service from the skeleton (docs/ARCHITECTURE.md, "How to add a service"):
#   parhub_<svc>_domain  domain/ — pure C++, links parhub_platform_core only
#   parhub_<svc>_lib     store/ and rpc/ — MySQL store, gRPC adapter, migrations
#   parhub-<svc>         main.cc — platform::RunService
#   <svc>_unit_test      domain tests over the in-memory store (label unit)
#   <svc>_integration_test  store and adapter against MariaDB (label integration)
function(parhub_service svc)
  cmake_parse_arguments(ARG "" "PROTO;MIGRATIONS"
                        "DOMAIN_SRCS;LIB_SRCS;TEST_SUPPORT_SRCS;UNIT_TESTS;INTEGRATION_TESTS" ${ARGN})
  parhub_cc_library(parhub_${svc}_domain SRCS ${ARG_DOMAIN_SRCS} DEPS parhub_platform_core)
  parhub_cc_library(parhub_${svc}_lib SRCS ${ARG_LIB_SRCS}
                    DEPS parhub_${svc}_domain parhub_platform_db parhub_platform_rpc parhub_proto_${ARG_PROTO})
  parhub_migrations(parhub_${svc}_lib ${CMAKE_CURRENT_SOURCE_DIR}/migrations ${ARG_MIGRATIONS})
  add_executable(parhub-${svc} main.cc)
  target_compile_options(parhub-${svc} PRIVATE ${PARHUB_WARNINGS})
  target_link_libraries(parhub-${svc} PRIVATE parhub_${svc}_lib)
  if(ARG_UNIT_TESTS)
    parhub_cc_test(${svc}_unit_test LABEL unit SRCS ${ARG_TEST_SUPPORT_SRCS} ${ARG_UNIT_TESTS}
                   DEPS parhub_${svc}_domain)
  endif()
  if(ARG_INTEGRATION_TESTS)
    parhub_cc_test(${svc}_integration_test LABEL integration SRCS ${ARG_INTEGRATION_TESTS}
                   DEPS parhub_${svc}_lib parhub_platform_rpc_testing)
  endif()
endfunction()
