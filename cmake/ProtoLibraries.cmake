# One static library per proto package directory proto/parhub/<pkg>/v1,
# generated once: target parhub_proto_<pkg> (e.g. parhub_proto_tasks).
# Packages depend on parhub_proto_common; imports between other packages
# are declared with PARHUB_PROTO_DEPS_<pkg> before this file is included.
set(PARHUB_PROTO_ROOT ${CMAKE_SOURCE_DIR}/proto)
set(PARHUB_PROTO_OUT ${CMAKE_BINARY_DIR}/gen)
file(MAKE_DIRECTORY ${PARHUB_PROTO_OUT})
get_target_property(PARHUB_GRPC_PLUGIN gRPC::grpc_cpp_plugin LOCATION)
find_program(PARHUB_PROTOC protoc REQUIRED)

function(parhub_proto_library pkg)
  file(GLOB protos ${PARHUB_PROTO_ROOT}/parhub/${pkg}/v1/*.proto)
  if(pkg STREQUAL "common")
    # The google.rpc error details parhub sends (proto/google/rpc).
    file(GLOB rpc_protos ${PARHUB_PROTO_ROOT}/google/rpc/*.proto)
    list(APPEND protos ${rpc_protos})
  endif()
  if(NOT protos)
    return()
  endif()
  set(srcs)
  foreach(proto ${protos})
    file(RELATIVE_PATH rel ${PARHUB_PROTO_ROOT} ${proto})
    string(REGEX REPLACE "\\.proto$" "" base ${rel})
    set(out
      ${PARHUB_PROTO_OUT}/${base}.pb.cc ${PARHUB_PROTO_OUT}/${base}.pb.h
      ${PARHUB_PROTO_OUT}/${base}.grpc.pb.cc ${PARHUB_PROTO_OUT}/${base}.grpc.pb.h)
    add_custom_command(
      OUTPUT ${out}
      COMMAND ${PARHUB_PROTOC}
        --proto_path=${PARHUB_PROTO_ROOT}
        --cpp_out=${PARHUB_PROTO_OUT}
        --grpc_out=${PARHUB_PROTO_OUT}
        --plugin=protoc-gen-grpc=${PARHUB_GRPC_PLUGIN}
        ${proto}
      DEPENDS ${proto}
      COMMENT "protoc ${rel}")
    list(APPEND srcs ${PARHUB_PROTO_OUT}/${base}.pb.cc ${PARHUB_PROTO_OUT}/${base}.grpc.pb.cc)
  endforeach()
  add_library(parhub_proto_${pkg} STATIC ${srcs})
  target_include_directories(parhub_proto_${pkg} PUBLIC ${PARHUB_PROTO_OUT})
  target_link_libraries(parhub_proto_${pkg} PUBLIC protobuf::libprotobuf gRPC::grpc++)
  if(NOT pkg STREQUAL "common")
    target_link_libraries(parhub_proto_${pkg} PUBLIC parhub_proto_common)
  endif()
  foreach(dep ${PARHUB_PROTO_DEPS_${pkg}})
    target_link_libraries(parhub_proto_${pkg} PUBLIC parhub_proto_${dep})
  endforeach()
endfunction()

# Package order matters only for declared deps.
set(PARHUB_PROTO_DEPS_gateway tasks staffing finance complaints reporting)
set(PARHUB_PROTO_DEPS_complaints refdata)
set(PARHUB_PROTO_DEPS_reporting tasks staffing finance complaints)
set(PARHUB_PROTO_DEPS_citizen complaints finance reporting)
set(PARHUB_PROTO_DEPS_authority tasks staffing finance complaints reporting)
file(GLOB pkg_dirs LIST_DIRECTORIES true ${PARHUB_PROTO_ROOT}/parhub/*)
parhub_proto_library(common)
foreach(dir ${pkg_dirs})
  get_filename_component(pkg ${dir} NAME)
  if(IS_DIRECTORY ${dir}/v1 AND NOT pkg STREQUAL "common")
    parhub_proto_library(${pkg})
  endif()
endforeach()
