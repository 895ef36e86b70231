package fr.espacesante.domain.nir;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a NIR is kept: looked up by a keyed hash (HMAC-SHA256), stored in clear nowhere. The only
 * recoverable copy is sealed with AES-256-GCM for the patient's own view.
 *
 * <p>Both keys are secrets of the deployment (template parameters marked NoEcho); losing the hash
 * key means no person can be found again, so it is never rotated without a re-keying import.
 */
public final class NirProtection {

    private static final String SEAL_VERSION = "v1";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec lookupKey;
    private final SecretKeySpec sealKey;
    private final SecureRandom random = new SecureRandom();
    // getInstance() looks providers up on every call: one instance per thread, re-initialised per use.
    private final ThreadLocal<Mac> macs;
    private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    });

    /**
     * @param lookupKeyBase64 at least 32 random bytes, base64
     * @param sealKeyBase64 exactly 32 random bytes (AES-256), base64
     */
    public NirProtection(String lookupKeyBase64, String sealKeyBase64) {
        byte[] lookup = decodeKey(lookupKeyBase64, "clé de hachage du NIR");
        byte[] seal = decodeKey(sealKeyBase64, "clé de chiffrement du NIR");
        if (lookup.length < 32) {
            throw new IllegalArgumentException("clé de hachage du NIR trop courte : 32 octets au moins");
        }
        if (seal.length != 32) {
            throw new IllegalArgumentException("clé de chiffrement du NIR : 32 octets attendus (AES-256)");
        }
        this.lookupKey = new SecretKeySpec(lookup, "HmacSHA256");
        this.sealKey = new SecretKeySpec(seal, "AES");
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(lookupKey);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HMAC-SHA256 unavailable", e);
            }
        });
    }

    /** The person's key in every table: lower-case hex of HMAC-SHA256(NIR). */
    public String lookupKey(Nir nir) {
        return HexFormat.of().formatHex(macs.get().doFinal(nir.digits().getBytes(StandardCharsets.US_ASCII)));
    }

    /** "v1:" + base64(iv ‖ ciphertext ‖ tag); the lookup key is bound as associated data. */
    public String seal(Nir nir, String personKey) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.ENCRYPT_MODE, sealKey, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(personKey.getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = cipher.doFinal(nir.digits().getBytes(StandardCharsets.US_ASCII));
            ByteBuffer out = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed);
            return SEAL_VERSION + ":" + Base64.getEncoder().encodeToString(out.array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** Opens a sealed NIR for its owner's view; fails if it was sealed for another person. */
    public Nir open(String sealed, String personKey) {
        if (sealed == null || !sealed.startsWith(SEAL_VERSION + ":")) {
            throw new IllegalArgumentException("NIR scellé illisible");
        }
        try {
            byte[] all = Base64.getDecoder().decode(sealed.substring(SEAL_VERSION.length() + 1));
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.DECRYPT_MODE, sealKey, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
            cipher.updateAAD(personKey.getBytes(StandardCharsets.US_ASCII));
            byte[] clear = cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES);
            return Nir.parse(new String(clear, StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("NIR scellé illisible", e);
        }
    }

    private static byte[] decodeKey(String base64, String what) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalArgumentException(what + " absente");
        }
        try {
            return Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " : base64 attendu", e);
        }
    }
}
