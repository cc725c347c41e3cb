package app.strongroom.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SelfSignedCertificateTest {
    @TempDir
    Path dir;

    @Test
    void makesAP256CertificateForLocalhostOnceAndKeepsIt() throws Exception {
        Path store = SelfSignedCertificate.ensure(dir.resolve("tls/keystore.p12"), "pw".toCharArray());
        X509Certificate certificate = load(store);
        assertThat(certificate.getPublicKey()).isInstanceOf(ECPublicKey.class);
        assertThat(((ECPublicKey) certificate.getPublicKey()).getParams().getCurve().getField().getFieldSize())
                .isEqualTo(256);
        List<String> names = certificate.getSubjectAlternativeNames().stream().map(san -> String.valueOf(san.get(1))).toList();
        assertThat(names).contains("localhost", "127.0.0.1");
        assertThat(certificate.getExtendedKeyUsage()).contains("1.3.6.1.5.5.7.3.1");
        certificate.verify(certificate.getPublicKey());

        byte[] before = Files.readAllBytes(store);
        SelfSignedCertificate.ensure(store, "pw".toCharArray());
        assertThat(Files.readAllBytes(store)).isEqualTo(before);
    }

    @Test
    void aNewCertificateIsValidAtMost397DaysAndAlreadyValidNow() throws Exception {
        Instant now = Instant.now();
        X509Certificate certificate = load(SelfSignedCertificate.ensure(dir.resolve("keystore.p12"), "pw".toCharArray()));
        Instant notBefore = certificate.getNotBefore().toInstant();
        Instant notAfter = certificate.getNotAfter().toInstant();
        assertThat(Duration.between(notBefore, notAfter)).isLessThanOrEqualTo(Duration.ofDays(397));
        assertThat(notBefore).isBefore(now);
        assertThat(notAfter).isAfter(now.plus(Duration.ofDays(300)));
        certificate.checkValidity();
    }

    @Test
    void aStoredCertificateValidLongerThan397DaysIsReplacedUnderTheSamePassword() throws Exception {
        Instant now = Instant.now();
        Path store = dir.resolve("tls/keystore.p12");
        // What versions before this one made: 826 days from the day before creation.
        SelfSignedCertificate.write(store, "pw".toCharArray(), now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(825)));
        X509Certificate old = load(store);

        X509Certificate renewed = load(SelfSignedCertificate.ensure(store, "pw".toCharArray()));

        assertThat(renewed.getSerialNumber()).isNotEqualTo(old.getSerialNumber());
        assertThat(renewed.getPublicKey()).isNotEqualTo(old.getPublicKey());
        assertThat(Duration.between(renewed.getNotBefore().toInstant(), renewed.getNotAfter().toInstant()))
                .isLessThanOrEqualTo(Duration.ofDays(397));
        assertThat(Files.list(store.getParent()).map(p -> p.getFileName().toString())).containsExactly("keystore.p12");
    }

    @Test
    void aStoredCertificateExpiringWithin30DaysIsReplacedAndOneWithMoreLeftIsKept() throws Exception {
        Instant now = Instant.now();
        Path expiring = dir.resolve("expiring.p12");
        SelfSignedCertificate.write(expiring, "pw".toCharArray(), now.minus(Duration.ofDays(370)),
                now.plus(Duration.ofDays(29)));
        X509Certificate old = load(expiring);
        X509Certificate renewed = load(SelfSignedCertificate.ensure(expiring, "pw".toCharArray()));
        assertThat(renewed.getSerialNumber()).isNotEqualTo(old.getSerialNumber());
        assertThat(renewed.getNotAfter().toInstant()).isAfter(now.plus(Duration.ofDays(300)));

        Path healthy = dir.resolve("healthy.p12");
        SelfSignedCertificate.write(healthy, "pw".toCharArray(), now.minus(Duration.ofDays(300)),
                now.plus(Duration.ofDays(31)));
        byte[] before = Files.readAllBytes(healthy);
        SelfSignedCertificate.ensure(healthy, "pw".toCharArray());
        assertThat(Files.readAllBytes(healthy)).isEqualTo(before);
    }

    private static X509Certificate load(Path store) throws Exception {
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keyStore.load(in, "pw".toCharArray());
        }
        assertThat(List.of(keyStore.aliases().nextElement())).containsExactly(SelfSignedCertificate.ALIAS);
        return (X509Certificate) keyStore.getCertificate(SelfSignedCertificate.ALIAS);
    }
}
