package app.strongroom.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Makes the development certificate at first start: an ECDSA P-256 key (P13 asks for RSA 2048 or P-256) and a
 * certificate for localhost, 127.0.0.1 and ::1, kept in a PKCS#12 key store under the alias {@value #ALIAS}.
 * The certificate is valid {@link #MAX_VALIDITY} at most, the CA/Browser Forum's limit for server certificates that
 * browsers and scanners (testssl.sh) hold every certificate to; one made by an older version with a longer validity,
 * or one about to expire, is replaced at the next start.
 */
public final class SelfSignedCertificate {
    public static final String ALIAS = "strongroom";
    /** From notBefore to notAfter, both included by browsers: 397 days keeps under the 398-day limit. */
    public static final Duration MAX_VALIDITY = Duration.ofDays(397);
    /** A certificate with less left than this is replaced, so a running server never reaches its expiry unnoticed. */
    public static final Duration RENEW_BEFORE_EXPIRY = Duration.ofDays(30);
    /** notBefore lies this far back so that a client whose clock is slightly behind still accepts a new certificate. */
    private static final Duration CLOCK_SKEW = Duration.ofDays(1);

    private SelfSignedCertificate() {
    }

    /**
     * Creates the key store unless it already exists holding a certificate that is still fit (see the class comment),
     * replacing it otherwise with a new key and certificate under the same password; returns its path.
     */
    public static Path ensure(Path keyStore, char[] password) {
        return ensure(keyStore, password, Instant.now());
    }

    static Path ensure(Path keyStore, char[] password, Instant now) {
        if (Files.exists(keyStore) && fit(stored(keyStore, password), now)) {
            return keyStore;
        }
        Instant notBefore = now.minus(CLOCK_SKEW);
        return write(keyStore, password, notBefore, notBefore.plus(MAX_VALIDITY));
    }

    /** Whether a stored certificate may stay: not longer-lived than the limit and not within a month of expiring. */
    static boolean fit(X509Certificate certificate, Instant now) {
        Instant notBefore = certificate.getNotBefore().toInstant();
        Instant notAfter = certificate.getNotAfter().toInstant();
        return Duration.between(notBefore, notAfter).compareTo(MAX_VALIDITY) <= 0
                && notAfter.isAfter(now.plus(RENEW_BEFORE_EXPIRY));
    }

    static X509Certificate stored(Path keyStore, char[] password) {
        try (InputStream in = Files.newInputStream(keyStore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            if (!(store.getCertificate(ALIAS) instanceof X509Certificate certificate)) {
                throw new IllegalStateException(keyStore + " holds no certificate under the alias " + ALIAS);
            }
            return certificate;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the development certificate in " + keyStore, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the development certificate in " + keyStore, e);
        }
    }

    /** Writes a new key and certificate valid from {@code notBefore} to {@code notAfter}, replacing any file there. */
    static Path write(Path keyStore, char[] password, Instant notBefore, Instant notAfter) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
            KeyPair pair = generator.generateKeyPair();
            X509Certificate certificate = certify(pair, notBefore, notAfter);
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, pair.getPrivate(), password, new X509Certificate[] {certificate});
            Files.createDirectories(keyStore.getParent());
            // Written beside the old one and moved over it, so a crash never leaves a half-written key store.
            Path fresh = keyStore.resolveSibling(keyStore.getFileName() + ".new");
            try (OutputStream out = Files.newOutputStream(fresh)) {
                store.store(out, password);
            }
            Files.move(fresh, keyStore, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return keyStore;
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot make the development certificate", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static X509Certificate certify(KeyPair pair, Instant notBefore, Instant notAfter)
            throws OperatorCreationException, GeneralSecurityException, IOException {
        X500Name subject = new X500Name("CN=localhost, O=Strongroom development");
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                new BigInteger(128, new SecureRandom()), Date.from(notBefore), Date.from(notAfter), subject,
                pair.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.dNSName, "localhost"),
                new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                new GeneralName(GeneralName.iPAddress, "::1")}));
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
    }
}
