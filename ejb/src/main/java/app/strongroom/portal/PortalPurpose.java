package app.strongroom.portal;

import java.util.Arrays;
import java.util.Optional;

/** What a portal link lets its holder do; signed into the link so a link for one purpose is no link for another. */
public enum PortalPurpose {
    /** View a sales order and confirm or decline it. */
    ORDER_ANSWER((byte) 1);

    private final byte code;

    PortalPurpose(byte code) {
        this.code = code;
    }

    byte code() {
        return code;
    }

    static Optional<PortalPurpose> of(byte code) {
        return Arrays.stream(values()).filter(p -> p.code == code).findFirst();
    }
}
