# Run by CPack (CPACK_PRE_BUILD_SCRIPTS) on the staging folder before it makes the .deb: gzips
# the man page and writes the changelog a Debian package carries (both gzip -9n: no name, no
# time, so the same sources give the same bytes), and warns when the binary is tuned for the
# build machine.
if(CPACK_ROR_NATIVE)
  message(WARNING "this build has ROR_NATIVE=ON: the package's ror runs only on CPUs like this "
                  "one; configure a build with -DROR_NATIVE=OFF for a package to hand out")
endif()

file(GLOB_RECURSE ROR_STAGED_MAN
     "${CPACK_TEMPORARY_INSTALL_DIRECTORY}/*/${CPACK_ROR_MANDIR}/man1/ror.1")
if(NOT ROR_STAGED_MAN)
  message(FATAL_ERROR
          "no ${CPACK_ROR_MANDIR}/man1/ror.1 under ${CPACK_TEMPORARY_INSTALL_DIRECTORY}")
endif()
foreach(page IN LISTS ROR_STAGED_MAN)
  execute_process(COMMAND gzip -9nf "${page}" RESULT_VARIABLE failed)
  if(failed)
    message(FATAL_ERROR "gzip ${page} failed")
  endif()
  # .../usr/share/man/man1/ror.1 -> .../usr: where the changelog goes too.
  string(REGEX REPLACE "/${CPACK_ROR_MANDIR}/man1/ror\\.1$" "" prefix "${page}")
  set(changelog "${prefix}/${CPACK_ROR_DOCDIR}/changelog")
  file(WRITE "${changelog}"
       "${CPACK_PACKAGE_NAME} (${CPACK_PACKAGE_VERSION}) unstable; urgency=medium\n\n"
       "  * ror ${CPACK_PACKAGE_VERSION}, packaged by CPack from the sources.\n\n"
       " -- ${CPACK_PACKAGE_CONTACT}  ${CPACK_ROR_CHANGELOG_DATE}\n")
  execute_process(COMMAND gzip -9nf "${changelog}" RESULT_VARIABLE failed)
  if(failed)
    message(FATAL_ERROR "gzip ${changelog} failed")
  endif()
endforeach()
