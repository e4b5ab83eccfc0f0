package io.caravel.customs.web;

import io.caravel.customs.CustomsService;
import io.caravel.platform.Access;
import io.caravel.platform.Caller;
import io.caravel.platform.CaravelException;
import io.caravel.platform.web.Allow;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Customs declarations of orders: read by customs agents, compliance staff and the order's seller; corrected by customs agents. */
@Path("customs/declarations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "customs")
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "bearer")
@Allow(Access.ORDERS)
public class CustomsResource {

    @Inject
    private CustomsService customs;

    @Inject
    private Caller caller;

    @GET
    @Operation(operationId = "listDeclarations", summary = "The declaration of an order (orderId): documents (order, payment, waybill, inventory), findings, submissions and answers")
    public CustomsService.DeclarationView ofOrder(@QueryParam("orderId") String orderId) {
        if (orderId == null || orderId.isBlank()) {
            throw CaravelException.invalid("orderId", "error.customs.order-required");
        }
        return customs.ofOrder(caller, orderId.trim());
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getDeclaration", summary = "One declaration with its documents, findings, submissions and answers")
    public CustomsService.DeclarationView get(@PathParam("id") String id) {
        return customs.get(caller, id);
    }

    @GET
    @Path("{id}/export")
    @Produces({MediaType.APPLICATION_XML, MediaType.APPLICATION_JSON})
    @APIResponse(responseCode = "200", description = "The data set (JSON) or the message (XML)", content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT, description = "The regime's data set, its fields named as the regime names them")), @Content(mediaType = MediaType.APPLICATION_XML, schema = @Schema(implementation = String.class))})
    @Operation(operationId = "exportDeclaration", summary = "The declaration in its regime's message layout for a broker: China message=CEB311|CEB411|CEB511|CEB621 as XML; EU (H7/H1), UK and US data sets as JSON (no message)")
    public Response export(@PathParam("id") String id, @QueryParam("message") String message) {
        if (message == null || message.isBlank()) {
            return Response.ok(customs.exportDataSet(caller, id), MediaType.APPLICATION_JSON).build();
        }
        String xml = customs.exportMessage(caller, id, message.trim().toUpperCase(java.util.Locale.ROOT));
        return Response.ok(xml, MediaType.APPLICATION_XML + ";charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + id + "-" + message.trim().toUpperCase(java.util.Locale.ROOT)
                        + ".xml\"").build();
    }

    @POST
    @Path("{id}/corrections")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Access.CUSTOMS)
    @Operation(operationId = "correctDeclaration", summary = "Correct one field of a held declaration (waybill.consigneeName, waybill.consigneeAddress, payment.payerIdNumber); then complete the correction task with RESUBMIT")
    public CustomsService.DeclarationView correct(@PathParam("id") String id, CustomsService.Correction correction) {
        return customs.correct(caller, id, correction);
    }
}
