# Script mode helper for EmbedText.cmake: writes OUT with FILE's text as FN().
file(READ ${FILE} text)
get_filename_component(name ${FILE} NAME)
set(body "// Generated from ${name}; do not edit.\nconst char* ${FN}() {\n  return R\"text(${text})text\";\n}\n")
file(WRITE ${OUT}.tmp "${body}")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
