# The Debian package, made by CPack from the install rules (cmake/install.cmake):
#   cmake --build build && cpack -G DEB --config build/CPackConfig.cmake -B build/package
# Configure the build with -DROR_NATIVE=OFF (the default) for a package that runs on any x86-64.
set(ROR_PACKAGE_MAINTAINER "ror maintainers <maintainers@users.noreply.r-seed-99cfd2e8.example>"
    CACHE STRING "The package's Maintainer: a name and an address")
set(ROR_HOMEPAGE "" CACHE STRING "The package's Homepage (none when empty)")

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME ${PROJECT_NAME})
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "The ror authors")
set(CPACK_PACKAGE_CONTACT ${ROR_PACKAGE_MAINTAINER})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Return on Relationship scorer for social-media exports")
# Lines of at most 80 columns; CPack indents them for the control file.
set(CPACK_PACKAGE_DESCRIPTION "ror scores a social-media export two ways, side by side: ROI (reach:
impressions, likes, shares, followers) and ROR, Return on Relationship
(whether people answer and come back, whether the account listens and
replies). It also checks the habits that inflate reach and gives a verdict.
It reads the exports of X, Mastodon, Reddit, WordPress, Bluesky, Hacker News,
YouTube, LinkedIn, Facebook and Instagram as downloaded, and writes tables,
JSON, CSV or Markdown; --require conditions make it a CI gate.")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # ror_0.2.0_amd64.deb
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
if(ROR_HOMEPAGE)
  set(CPACK_DEBIAN_PACKAGE_HOMEPAGE ${ROR_HOMEPAGE})
endif()
# Depends: from the libraries the binary links (dpkg-shlibdeps, from dpkg-dev).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
# After the install into the staging folder: the man page gzipped and a changelog, as Debian's
# policy wants them (cmake/deb_files.cmake). It reads these.
set(CPACK_PRE_BUILD_SCRIPTS ${PROJECT_SOURCE_DIR}/cmake/deb_files.cmake)
string(TIMESTAMP CPACK_ROR_CHANGELOG_DATE "%a, %d %b %Y %H:%M:%S +0000" UTC)
set(CPACK_ROR_NATIVE ${ROR_NATIVE})
set(CPACK_ROR_DOCDIR ${CMAKE_INSTALL_DOCDIR})
set(CPACK_ROR_MANDIR ${CMAKE_INSTALL_MANDIR})
include(CPack)
