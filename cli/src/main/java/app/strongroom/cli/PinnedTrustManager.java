package app.strongroom.cli;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts exactly the server whose certificate carries the pinned public key, as for the self-signed certificate the
 * run command makes. The pin is the whole of the trust: no authority vouches for that certificate, and its name is not
 * checked either, since the key already says which server it is. Any other key ends the handshake, before a byte of
 * the request (and so the token) is sent.
 */
final class PinnedTrustManager extends X509ExtendedTrustManager {
    private final Pin pin;

    PinnedTrustManager(Pin pin) {
        this.pin = pin;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("the server sent no certificate");
        }
        if (!pin.matches(chain[0])) {
            throw new CertificateException("the server's public key is " + Pin.of(chain[0]) + ", not the pinned "
                    + pin + ": this is not the server you pinned (or its key was replaced); nothing was sent");
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("this tool authenticates servers, not clients");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
