package io.caravel.platform.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The path of a request inside the application as the container routes it: decoded and normalized
 * ({@code /%61dmin/../admin;x/index.xhtml} is {@code /admin/index.xhtml}). Every decision by path
 * (authorization, API or page, headers) must use this one: {@link HttpServletRequest#getRequestURI()}
 * is the raw text the client sent, and a rule matched against it can be walked around.
 */
public final class RequestPaths {

    private RequestPaths() {
    }

    public static String of(HttpServletRequest request) {
        String servletPath = request.getServletPath();
        String pathInfo = request.getPathInfo();
        return (servletPath == null ? "" : servletPath) + (pathInfo == null ? "" : pathInfo);
    }
}
