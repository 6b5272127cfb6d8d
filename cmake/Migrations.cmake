# Embeds a service's numbered SQL migrations (migrations/NNN_name.sql) into
# the binary, so a container needs no files besides the executable.
# parhub_migrations(<target> <dir> <function>) adds a generated source to
# <target> that defines `const std::vector<parhub::platform::Migration>& <function>()`.
function(parhub_migrations target dir fn)
  file(GLOB sqls CONFIGURE_DEPENDS ${dir}/*.sql)
  list(SORT sqls)
  set(out ${CMAKE_CURRENT_BINARY_DIR}/${fn}_migrations.cc)
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DOUT=${out} -DFN=${fn} -DDIR=${dir}
            -P ${CMAKE_SOURCE_DIR}/cmake/EmbedMigrations.cmake
    DEPENDS ${sqls} ${CMAKE_SOURCE_DIR}/cmake/EmbedMigrations.cmake
    COMMENT "Embedding migrations of ${dir}")
  target_sources(${target} PRIVATE ${out})
endfunction()
