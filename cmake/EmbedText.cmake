# Embeds a reference-data file (data/...) into a binary, so a container needs
# no files besides the executable. parhub_embed_text(<target> <file> <fn>)
# adds a generated source to <target> defining `const char* <fn>()` with the
# file's text. The file must not contain the sequence )text" .
function(parhub_embed_text target file fn)
  set(out ${CMAKE_CURRENT_BINARY_DIR}/${fn}_text.cc)
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DOUT=${out} -DFN=${fn} -DFILE=${file}
            -P ${CMAKE_SOURCE_DIR}/cmake/EmbedTextScript.cmake
    DEPENDS ${file} ${CMAKE_SOURCE_DIR}/cmake/EmbedTextScript.cmake
    COMMENT "Embedding ${file}")
  target_sources(${target} PRIVATE ${out})
endfunction()
