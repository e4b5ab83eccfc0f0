package io.caravel.platform;

import jakarta.ejb.ApplicationException;
import java.util.List;

/**
 * The one way business code reports an error the caller can act on. It carries a stable
 * {@link ProblemType}, a message key in the {@code i18n/problems} bundle with its arguments, and
 * optional field errors. It rolls back the current transaction.
 */
@ApplicationException(rollback = true)
public class CaravelException extends RuntimeException {

    private final ProblemType type;
    private final String messageKey;
    private final transient Object[] arguments;
    private final List<FieldError> fieldErrors;

    public CaravelException(ProblemType type, String messageKey, Object... arguments) {
        this(type, List.of(), messageKey, arguments);
    }

    public CaravelException(ProblemType type, List<FieldError> fieldErrors, String messageKey, Object... arguments) {
        super(messageKey);
        this.type = type;
        this.messageKey = messageKey;
        this.arguments = arguments == null ? new Object[0] : arguments.clone();
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    public static CaravelException notFound(String what, Object id) {
        return new CaravelException(ProblemType.NOT_FOUND, "error.not-found", what, id);
    }

    public static CaravelException forbidden() {
        return new CaravelException(ProblemType.FORBIDDEN, "error.forbidden");
    }

    public static CaravelException conflict(String messageKey, Object... arguments) {
        return new CaravelException(ProblemType.CONFLICT, messageKey, arguments);
    }

    public static CaravelException invalid(String field, String messageKey, Object... arguments) {
        return new CaravelException(ProblemType.VALIDATION, List.of(new FieldError(field, messageKey, arguments)),
                "error.validation");
    }

    public ProblemType type() {
        return type;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    /** One failing input field: its name and a message key with arguments. */
    public record FieldError(String field, String messageKey, Object... arguments) {
    }
}
