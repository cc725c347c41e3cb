package app.strongroom.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
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

    private static X509Certificate load(Path store) throws Exception {
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keyStore.load(in, "pw".toCharArray());
        }
        assertThat(List.of(keyStore.aliases().nextElement())).containsExactly(SelfSignedCertificate.ALIAS);
        return (X509Certificate) keyStore.getCertificate(SelfSignedCertificate.ALIAS);
    }
}
