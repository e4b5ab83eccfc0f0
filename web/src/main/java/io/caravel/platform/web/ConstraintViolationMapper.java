package io.caravel.platform.web;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.Providers;

/**
 * Routes Bean Validation failures to {@link ProblemMapper}; without it the JAX-RS runtime's own
 * validation mapper (more specific than Throwable) would answer in its own format.
 */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

    @Context
    private Providers providers;

    @Override
    public Response toResponse(ConstraintViolationException exception) {
        return providers.getExceptionMapper(Throwable.class).toResponse(exception);
    }
}
