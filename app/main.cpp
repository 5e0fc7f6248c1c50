#include "app/commands.h"

int main(int argc, char** argv) { return caseflow::app::run_main(argc, argv); }
