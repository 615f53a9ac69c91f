# Interface targets carrying the project's language level and warning set. First-party targets
# link them privately, so nothing leaks into consumers and no global flags are set.
add_library(ror_settings INTERFACE)
target_compile_features(ror_settings INTERFACE cxx_std_20)

add_library(ror_warnings INTERFACE)
target_compile_options(ror_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Wnon-virtual-dtor
  $<$<BOOL:${ROR_WERROR}>:-Werror>)

if(ROR_SANITIZE)
  target_compile_options(ror_settings INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer
                                                -fno-sanitize-recover=undefined)
  target_link_options(ror_settings INTERFACE -fsanitize=address,undefined)
endif()

if(ROR_CLANG_TIDY)
  find_program(CLANG_TIDY_EXE NAMES clang-tidy REQUIRED)
  set(CMAKE_CXX_CLANG_TIDY ${CLANG_TIDY_EXE})
endif()

# simdjson's On-Demand API and our text scans are compiled into our code, so they use the SIMD
# instructions this build targets. Off by default, so that an install or a package runs on any
# x86-64; scripts/setup.sh (the dev, test and benchmark build) turns it on. docs/performance.md
# gives the difference.
option(ROR_NATIVE "Optimise for the build machine's CPU (-march=native)" OFF)
if(ROR_NATIVE)
  target_compile_options(ror_settings INTERFACE -march=native)
endif()
# Never fuse multiply-adds: results must not depend on the CPU the binary was built for.
target_compile_options(ror_settings INTERFACE -ffp-contract=off)
