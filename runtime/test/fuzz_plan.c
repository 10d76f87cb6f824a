/* libFuzzer harness for the plan reader: 'make fuzz', then target/native/fuzz-plan CORPUS_DIR, with
 * the vectors in src/test/resources/plans as the seed corpus. Any crash or sanitizer report
 * is a bug: the reader must reject bad input with a message, never misbehave. */
#include "../plan.h"

static struct plan p;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    plan_parse(data, size, &p);
    return 0;
}
