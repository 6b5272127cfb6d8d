// The one way a fuzz target says an invariant broke: print what and where,
// then abort, so libFuzzer saves the input as a crash artifact. Targets
// check properties (round trips, bounds), not only the absence of crashes.
#ifndef PARHUB_FUZZ_FUZZ_CHECK_H_
#define PARHUB_FUZZ_FUZZ_CHECK_H_

#include <cstdio>
#include <cstdlib>

#define FUZZ_CHECK(condition)                                                                \
  do {                                                                                       \
    if (!(condition)) {                                                                      \
      std::fprintf(stderr, "%s:%d: invariant broken: %s\n", __FILE__, __LINE__, #condition); \
      std::abort();                                                                          \
    }                                                                                        \
  } while (false)

#endif  // PARHUB_FUZZ_FUZZ_CHECK_H_
