# ror_embed_text(<input file> <output header> <symbol>): generate a header holding the file's bytes
# as a std::string_view, so the binary carries its defaults and data/ stays the single source.
function(ror_embed_text input output symbol)
  add_custom_command(
    OUTPUT ${output}
    COMMAND ${CMAKE_COMMAND} -DINPUT=${input} -DOUTPUT=${output} -DSYMBOL=${symbol}
            -P ${PROJECT_SOURCE_DIR}/cmake/embed_file.cmake
    DEPENDS ${input} ${PROJECT_SOURCE_DIR}/cmake/embed_file.cmake
    COMMENT "Embedding ${input}")
endfunction()
