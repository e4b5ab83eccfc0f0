package io.caravel.notification.web;

import io.caravel.platform.Access;
import io.caravel.platform.web.Allow;
import io.caravel.notification.Notifications;
import io.caravel.notification.Notifications.NotificationView;
import io.caravel.platform.Caller;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The seller's messages: requests for information, reminders and decisions on its cases. */
@Path("notifications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "sellers")
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "bearer")
@Allow(Access.SELLING)
public class NotificationResource {

    @Inject
    private Notifications notifications;

    @Inject
    private Caller caller;

    @GET
    @Operation(operationId = "listNotifications", summary = "My latest messages, newest first")
    public List<NotificationView> recent() {
        return notifications.recent(caller);
    }
}
