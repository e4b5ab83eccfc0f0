package io.caravel.screening.web;

import io.caravel.platform.Access;
import io.caravel.platform.web.Allow;
import io.caravel.platform.Caller;
import io.caravel.platform.CaravelException;
import io.caravel.platform.ProblemType;
import io.caravel.screening.Identifiers;
import io.caravel.screening.PartyType;
import io.caravel.screening.ScreeningResult;
import io.caravel.screening.ScreeningService;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Screening any name by hand against the sanctions lists (compliance officers). */
@Path("screening/checks")
@Tag(name = "screening")
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "bearer")
@Allow(Access.SCREENING)
public class ScreeningResource {

    @Inject
    private ScreeningService screening;

    @Inject
    private Caller caller;

    /** A name to screen and, optionally, whether it is a person or an organisation, and a person's date of birth and nationality. */
    public static class CheckRequest {

        @NotBlank(message = "{caravel.screening.name.required}")
        @Size(max = 300, message = "{caravel.screening.name.size}")
        private String name;

        private String type;

        private String dateOfBirth;

        private String nationality;

        public String getDateOfBirth() {
            return dateOfBirth;
        }

        public void setDateOfBirth(String dateOfBirth) {
            this.dateOfBirth = dateOfBirth;
        }

        public String getNationality() {
            return nationality;
        }

        public void setNationality(String nationality) {
            this.nationality = nationality;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getType() {
            return type;
        }

        public void setType(String type) {
            this.type = type;
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "screenName", summary = "Screen a name {name, type (individual, entity, vessel, aircraft), dateOfBirth (1970-01-31 or 1970), nationality (ISO code)} against every active sanctions list (OFAC SDN, UN Security Council): ranked hits, each naming its list and version; a person's date of birth and nationality raise or lower each hit's finalScore (adjustments say how and why), and a hit they take below the threshold stays in the result, discounted")
    public ScreeningResult check(@Valid CheckRequest request) {
        if (request == null) {
            throw new CaravelException(ProblemType.VALIDATION, "error.body-required");
        }
        return screening.manualCheck(request.getName().trim(), partyType(request.getType()),
                Identifiers.parse(request.getDateOfBirth(), request.getNationality()), caller);
    }

    private static PartyType partyType(String type) {
        if (type == null || type.isBlank()) {
            return null;
        }
        try {
            return PartyType.valueOf(type.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw CaravelException.invalid("type", "error.screening.type");
        }
    }
}
