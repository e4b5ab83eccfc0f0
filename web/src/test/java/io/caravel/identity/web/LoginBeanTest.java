package io.caravel.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** After sign-in the user may only be sent inside the application (no open redirect). */
class LoginBeanTest {

    @Test
    void onlyLocalPathsAreFollowed() {
        assertThat(LoginBean.isSafe("/admin/index.xhtml")).isTrue();
        assertThat(LoginBean.isSafe("/seller/index.xhtml?tab=2")).isTrue();
        assertThat(LoginBean.isSafe(null)).isFalse();
        assertThat(LoginBean.isSafe("https://evil.example/")).isFalse();
        assertThat(LoginBean.isSafe("//evil.example/")).isFalse();
        assertThat(LoginBean.isSafe("/\\evil.example")).isFalse();
        assertThat(LoginBean.isSafe("javascript:alert(1)")).isFalse();
    }
}
