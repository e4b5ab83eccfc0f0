package io.caravel.identity;

import io.caravel.platform.CaravelException;
import io.caravel.platform.Messages;
import io.caravel.platform.NodeLocks;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The production way to the first administrator: the operator puts a password in a file (or a
 * secret such as a Payara password alias) and names it in the start-up settings; at start, when no
 * enabled administrator exists, Caravel creates one with it, once. A weak password stops the start.
 * Afterwards the settings are ignored (and should be removed); the administrator manages every
 * other account on the Users page or through {@code /api/v1/admin/users}.
 */
@Singleton
@Startup
@DependsOn("Database")
@TransactionManagement(TransactionManagementType.BEAN)
public class FirstAdministrator {

    static final String USERNAME = "caravel.bootstrap.admin.username";
    static final String PASSWORD_FILE = "caravel.bootstrap.admin.password-file";
    static final String PASSWORD = "caravel.bootstrap.admin.password";

    private static final Logger LOG = Logger.getLogger(FirstAdministrator.class.getName());

    @Inject
    @ConfigProperty(name = USERNAME, defaultValue = "admin")
    private String username;

    @Inject
    @ConfigProperty(name = PASSWORD_FILE)
    private Optional<String> passwordFile;

    @Inject
    @ConfigProperty(name = PASSWORD)
    private Optional<String> password;

    @Inject
    private IdentityService identity;

    @Inject
    private NodeLocks nodeLocks;

    @PostConstruct
    void bootstrap() {
        boolean configured = passwordFile.filter(f -> !f.isBlank()).isPresent() || password.filter(p -> !p.isEmpty()).isPresent();
        if (!configured) {
            return;
        }
        if (identity.administratorExists()) {
            // checked before the file is read: a removed file or a stricter policy must not stop a later start
            LOG.info(() -> "An administrator exists: the first-administrator setting (" + source() + ") is ignored; remove it.");
            return;
        }
        Optional<String> given = givenPassword();
        if (given.isEmpty()) {
            return;
        }
        boolean created;
        try {
            // two nodes starting together on an empty database must not both create it
            created = nodeLocks.exclusively(NodeLocks.FIRST_ADMIN,
                    () -> identity.createFirstAdministrator(username.trim(), given.get()));
        } catch (CaravelException e) {
            throw refuse(e.fieldErrors().isEmpty() ? Messages.text(Locale.ENGLISH, e.messageKey(), e.arguments())
                    : e.fieldErrors().stream().map(f -> Messages.text(Locale.ENGLISH, f.messageKey(), f.arguments()))
                            .collect(Collectors.joining("; ")));
        }
        if (created) {
            LOG.warning(() -> "First administrator '" + username.trim() + "' created from the start-up settings ("
                    + source() + "). Remove the setting" + (passwordFile.isPresent() ? " and the file" : "")
                    + " now; it is not used again.");
        } else {
            LOG.info(() -> "An administrator exists: the first-administrator setting (" + source()
                    + ") is ignored; remove it.");
        }
    }

    private Optional<String> givenPassword() {
        if (passwordFile.filter(f -> !f.isBlank()).isPresent()) {
            Path file = Path.of(passwordFile.get().trim());
            try {
                // the first line; editors and `echo` end it with a line break that is not part of the password
                String content = Files.readString(file, StandardCharsets.UTF_8);
                int end = content.indexOf('\n');
                String line = end < 0 ? content : content.substring(0, end);
                return Optional.of(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
            } catch (IOException e) {
                throw refuse("cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
            }
        }
        return password.filter(p -> !p.isEmpty());
    }

    private String source() {
        return passwordFile.isPresent() ? PASSWORD_FILE : PASSWORD;
    }

    private IllegalStateException refuse(String reason) {
        IllegalStateException refusal = new IllegalStateException(
                "Caravel cannot start: the first administrator (" + source() + "): " + reason);
        LOG.severe(refusal.getMessage());
        return refusal;
    }
}
