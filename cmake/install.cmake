# What `cmake --install` puts where, in the GNU layout (GNUInstallDirs): the binary, its man page,
# the bash, zsh and fish completions where each shell looks for them (Debian's folders), and
# the license as the copyright file Debian's policy asks for.
include(GNUInstallDirs)

# Directories made by the install are 0755 whatever the umask (a package's must be).
set(CMAKE_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ
    GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)

install(TARGETS ror RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES ${ROR_MAN_PAGE} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${ROR_BASH_COMPLETION} RENAME ror
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions)
install(FILES ${ROR_ZSH_COMPLETION} DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)
install(FILES ${ROR_FISH_COMPLETION} DESTINATION ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d)

# LICENSE in Debian's machine-readable copyright format (DEP-5): the notice, "License: Expat"
# (Debian's name for this MIT text) and the text, each line indented, blank ones as " .".
file(READ ${PROJECT_SOURCE_DIR}/LICENSE ROR_LICENSE)
if(NOT ROR_LICENSE MATCHES "Copyright \\(c\\) ([^\n]*)\n(.*)$")
  message(FATAL_ERROR "LICENSE has no 'Copyright (c) ...' line")
endif()
set(ROR_COPYRIGHT_HOLDER "${CMAKE_MATCH_1}")
string(STRIP "${CMAKE_MATCH_2}" ROR_LICENSE_TEXT)
string(REPLACE "\n\n" "\n.\n" ROR_LICENSE_TEXT "${ROR_LICENSE_TEXT}")
string(REPLACE "\n" "\n " ROR_LICENSE_TEXT " ${ROR_LICENSE_TEXT}")
set(ROR_COPYRIGHT_FILE ${PROJECT_BINARY_DIR}/copyright)
file(WRITE ${ROR_COPYRIGHT_FILE}
     "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"
     "Upstream-Name: ${PROJECT_NAME}\n\n"
     "Files: *\n"
     "Copyright: ${ROR_COPYRIGHT_HOLDER}\n"
     "License: Expat\n"
     "${ROR_LICENSE_TEXT}\n")
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/LICENSE)
install(FILES ${ROR_COPYRIGHT_FILE} DESTINATION ${CMAKE_INSTALL_DOCDIR})
