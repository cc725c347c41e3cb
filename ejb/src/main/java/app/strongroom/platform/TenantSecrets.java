package app.strongroom.platform;

import app.strongroom.catalog.TenantId;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Derives each tenant's database role password from the master key (HMAC-SHA256 over the tenant id). Nothing is
 * stored: the catalog cannot leak these passwords, and replacing the master key rotates all of them.
 */
public final class TenantSecrets {
    private final byte[] masterKey;

    public TenantSecrets(byte[] masterKey) {
        if (masterKey.length < 32) {
            throw new IllegalArgumentException("the master key must hold at least 32 bytes");
        }
        this.masterKey = masterKey.clone();
    }

    public String rolePassword(TenantId tenant) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(masterKey, "HmacSHA256"));
            byte[] digest = mac.doFinal(("tenant-role-password:" + tenant.value()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    @Override
    public String toString() {
        return "TenantSecrets[master key hidden]";
    }
}
