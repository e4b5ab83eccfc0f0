package io.caravel.platform.web;

import io.caravel.platform.Access;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The access a REST resource (or one of its methods) needs; a method without it, on a class without
 * it, answers 403 to everyone (deny by default). See {@link Access}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Allow {
    Access value();
}
