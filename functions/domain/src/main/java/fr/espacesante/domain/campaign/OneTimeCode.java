package fr.espacesante.domain.campaign;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The one-time code printed in a notification: 10 characters from a 31-letter alphabet without
 * ambiguous characters (no 0/O, 1/I/L), about 49.5 bits — at national scale (65 million codes)
 * a random guess hits a live code with probability 65e6 / 31^10 ≈ 8e-8, and attempts are limited.
 *
 * <p>The code is <em>derived</em> (HMAC of person and wave under a secret key) rather than drawn at
 * random: a sender that crashes and retries recomputes the very same code, so a person can never
 * receive two different codes, and the code itself is stored nowhere — only its keyed hash, for
 * look-up when the person types it.
 */
public final class OneTimeCode {

    static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    public static final int LENGTH = 10;

    private final byte[] key;

    /** @param keyBase64 at least 32 random bytes (template parameter {@code CodeKey}) */
    public OneTimeCode(String keyBase64) {
        this.key = Base64.getDecoder().decode(keyBase64);
        if (key.length < 32) {
            throw new IllegalArgumentException("the code key needs at least 32 bytes");
        }
    }

    /** The code of this person for this wave, as printed: {@code ABCDE-FGHJK}. */
    public String codeFor(String personKey, String waveId) {
        byte[] digest = mac("code|" + personKey + "|" + waveId);
        StringBuilder code = new StringBuilder(LENGTH + 1);
        long bits = 0;
        for (int i = 0; i < 8; i++) {
            bits = (bits << 8) | (digest[i] & 0xFF);
        }
        bits = bits >>> 1; // non-negative
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt((int) (bits % ALPHABET.length())));
            bits /= ALPHABET.length();
            if (i == 4) {
                code.append('-');
            }
        }
        return code.toString();
    }

    /** What is stored and looked up: a keyed hash of the normalised code, useless without the key. */
    public String lookupHash(String typedCode) {
        return HexFormat.of().formatHex(mac("lookup|" + normalise(typedCode)));
    }

    /** Upper case, separators and spaces removed; null when it cannot be a code (wrong length or letters). */
    public static String normalise(String typed) {
        if (typed == null) {
            return "";
        }
        String code = typed.toUpperCase(Locale.ROOT).replaceAll("[\\s\\-_.]", "");
        if (code.length() != LENGTH || !code.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            return "";
        }
        return code;
    }

    public static boolean wellFormed(String typed) {
        return !normalise(typed).isEmpty();
    }

    private byte[] mac(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
