package io.bulwark.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlobTest {

    @ParameterizedTest
    @CsvSource({
        "*,                 anything at all,   true",
        "self,              self,              true",
        "self,              self-2,            false",
        "deploy/*.yaml,     deploy/pod.yaml,   true",
        "deploy/*.yaml,     deploy/a/b.yaml,   true",
        "deploy/*.yaml,     other/pod.yaml,    false",
        "pid ?,             pid 7,             true",
        "pid ?,             pid 42,            false",
        "a.b,               axb,               false",
        "[x](y)+,           [x](y)+,           true"})
    void matchesTheWholeTextWithStarAndQuestionMarkOnly(String pattern, String text, boolean matches) {
        assertThat(new Glob(pattern).matches(text)).isEqualTo(matches);
    }
}
