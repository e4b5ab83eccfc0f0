package io.caravel.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void acceptsLongPassphrases() {
        assertThat(PasswordPolicy.violation("olga", "river stone lamp 42")).isEmpty();
        assertThat(PasswordPolicy.violation("olga", "the right password")).isEmpty();
        assertThat(PasswordPolicy.violation("olga", "红河石灯四十二号码头")).hasValue("error.password.too-short");
        assertThat(PasswordPolicy.violation("olga", "红河石灯四十二号码头的小船")).isEmpty();
    }

    @Test
    void refusesShortLongAndEmpty() {
        assertThat(PasswordPolicy.violation("olga", null)).hasValue("error.password.too-short");
        assertThat(PasswordPolicy.violation("olga", "short")).hasValue("error.password.too-short");
        assertThat(PasswordPolicy.violation("olga", "x".repeat(201))).hasValue("error.password.too-long");
    }

    @Test
    void refusesTheUserNameFirstGuessesAndRuns() {
        assertThat(PasswordPolicy.violation("olga.petrova", "my name is Olga.Petrova")).hasValue("error.password.contains-username");
        assertThat(PasswordPolicy.violation("olga", "password12345")).hasValue("error.password.common");
        assertThat(PasswordPolicy.violation("olga", "Admin123456!")).hasValue("error.password.common");
        assertThat(PasswordPolicy.violation("olga", "aaaaaaaaaaaaaaa")).hasValue("error.password.too-simple");
        assertThat(PasswordPolicy.violation("olga", "abababababab")).hasValue("error.password.too-simple");
        assertThat(PasswordPolicy.violation("olga", "1234567890123")).hasValue("error.password.common");
        assertThat(PasswordPolicy.violation("olga", "abcdefghijklmnop")).hasValue("error.password.too-simple");
    }

    @Test
    void temporaryPasswordsPassThePolicyAndDiffer() {
        String first = PasswordPolicy.temporary();
        assertThat(first).matches("[a-zA-Z2-9]{5}(-[a-zA-Z2-9]{5}){3}");
        assertThat(PasswordPolicy.violation("olga", first)).isEmpty();
        assertThat(PasswordPolicy.temporary()).isNotEqualTo(first);
    }
}
