#include "ror/cli.hpp"

int main(int argc, char** argv) {
  return ror::run_cli(argc, argv);
}
