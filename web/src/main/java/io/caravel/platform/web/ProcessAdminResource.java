package io.caravel.platform.web;

import io.caravel.platform.Access;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** For operators: which process and decision models are deployed, in which versions. */
@Path("admin/processes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin")
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "bearer")
@Allow(Access.ADMINISTRATION)
public class ProcessAdminResource {

    @Inject
    private RepositoryService repository;

    /** One deployed version of a process model. */
    public record ProcessModelView(String key, String name, int version, String resource, String deploymentId,
                                   boolean suspended) {
    }

    @GET
    @Operation(operationId = "listProcessDefinitions", summary = "Deployed process definitions, every version, by key")
    public List<ProcessModelView> processes() {
        return repository.createProcessDefinitionQuery()
                .orderByProcessDefinitionKey().asc()
                .orderByProcessDefinitionVersion().asc()
                .list().stream()
                .map(d -> new ProcessModelView(d.getKey(), d.getName(), d.getVersion(), d.getResourceName(),
                        d.getDeploymentId(), d.isSuspended()))
                .toList();
    }
}
