package io.caravel.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravel.platform.Access;
import io.caravel.platform.Roles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** One set of rules for pages and API: every page is mapped, and each page area asks what its API asks. */
class AccessRulesTest {

    private static final Path WEBAPP = Paths.get("src/main/webapp");

    @Test
    void everyPageOutsideThePublicOnesNeedsTheAccessOfItsArea() throws IOException {
        List<String> pages;
        try (Stream<Path> files = Files.walk(WEBAPP)) {
            pages = files.filter(p -> p.toString().endsWith(".xhtml") && !p.startsWith(WEBAPP.resolve("WEB-INF")))
                    .map(p -> "/" + WEBAPP.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
        assertThat(pages).contains("/inbox/screening.xhtml", "/seller/listing.xhtml", "/login.xhtml");
        for (String page : pages) {
            Access access = PageAccessFilter.accessFor(page);
            if (Set.of("/index.xhtml", "/login.xhtml", "/register.xhtml", "/register-creator.xhtml").contains(page)) {
                assertThat(access).as(page).isEqualTo(Access.PUBLIC);
            } else {
                assertThat(access).as(page).isNotEqualTo(Access.PUBLIC);
            }
        }
    }

    @Test
    void screeningByHandIsForComplianceStaffOnPageAndApiAlike() throws Exception {
        Access page = PageAccessFilter.accessFor("/inbox/screening.xhtml");
        Access api = AccessControlFilter.access(
                io.caravel.screening.web.ScreeningResource.class.getMethod("check",
                        io.caravel.screening.web.ScreeningResource.CheckRequest.class),
                io.caravel.screening.web.ScreeningResource.class);
        assertThat(page).isEqualTo(api).isEqualTo(Access.SCREENING);
        assertThat(page.allows(true, Set.of(Roles.CUSTOMS_AGENT)::contains)).isFalse();
        assertThat(page.allows(true, Set.of(Roles.DISPUTE_AGENT)::contains)).isFalse();
        assertThat(page.allows(true, Set.of(Roles.COMPLIANCE_OFFICER)::contains)).isTrue();
        assertThat(PageAccessFilter.accessFor("/inbox/index.xhtml").allows(true, Set.of(Roles.CUSTOMS_AGENT)::contains)).isTrue();
    }

    @Test
    void everyRoleIsDeclaredToTheContainer() throws IOException {
        // a role the container does not know is never "in role": its users would get 403 everywhere
        String webXml = Files.readString(WEBAPP.resolve("WEB-INF/web.xml"));
        String payaraWebXml = Files.readString(WEBAPP.resolve("WEB-INF/payara-web.xml"));
        Set<String> declared = Set.of(io.caravel.identity.web.SecurityConfig.class
                .getAnnotation(jakarta.annotation.security.DeclareRoles.class).value());
        for (String role : Roles.ALL) {
            assertThat(declared).as("@DeclareRoles").contains(role);
            assertThat(webXml).as("web.xml").contains("<security-role><role-name>" + role + "</role-name></security-role>");
            assertThat(payaraWebXml).as("payara-web.xml").contains("<role-name>" + role + "</role-name><group-name>" + role + "</group-name>");
        }
    }

    @Test
    void metricsAreForOperatorsOnly() {
        Access metrics = PageAccessFilter.accessFor("/metrics");
        assertThat(metrics.allows(false, role -> false)).isFalse();
        assertThat(metrics.allows(true, Set.of(Roles.OPERATOR)::contains)).isTrue();
        assertThat(metrics.allows(true, Set.of(Roles.COMPLIANCE_LEAD)::contains)).isFalse();
    }

    @Test
    void everyRestMethodNamesItsAccess() throws Exception {
        // deny by default refuses a method that forgets it; this names the method
        Path root = Paths.get("src/main/java");
        int methods = 0;
        try (Stream<Path> sources = Files.walk(root)) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                String name = root.relativize(source).toString().replace('/', '.').replaceAll("\\.java$", "");
                Class<?> type = Class.forName(name, false, getClass().getClassLoader());
                if (!type.isAnnotationPresent(jakarta.ws.rs.Path.class)) {
                    continue;
                }
                for (java.lang.reflect.Method method : type.getDeclaredMethods()) {
                    if (Stream.of(method.getAnnotations()).anyMatch(a -> a.annotationType().isAnnotationPresent(jakarta.ws.rs.HttpMethod.class))) {
                        methods++;
                        assertThat(AccessControlFilter.access(method, type)).as(type.getSimpleName() + "." + method.getName()).isNotNull();
                    }
                }
            }
        }
        assertThat(methods).isGreaterThan(40);
    }
}
