package app.strongroom.web.api.v1;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A contact as a client sends it to make or change one; {@code version} (for a change) is the one it read. */
@Schema(name = "ContactInput")
public record ContactInput(@Schema(required = true, maxLength = 200) String name,
                           @Schema(nullable = true) String email, @Schema(nullable = true) String phone,
                           @Schema(nullable = true) String company, @Schema(nullable = true) String city,
                           @Schema(nullable = true) String notes,
                           @Schema(description = "The version read; required to change a contact") Long version) {
}
