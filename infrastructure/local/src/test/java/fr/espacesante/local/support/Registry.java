package fr.espacesante.local.support;

import static org.assertj.core.api.Assertions.assertThat;

import fr.espacesante.local.LocalStack;
import java.nio.charset.StandardCharsets;
import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;
import tools.jackson.databind.JsonNode;

/** Synthetic insured persons with valid NIRs, imported through the real import (file → S3 event → function). */
public final class Registry {

    public static final String HEADER = "nir;nom;prenoms;date_naissance;departement;adresse;code_postal;commune;email";

    private Registry() {
    }

    /** A valid NIR of a woman born in January 1985 in Haute-Garonne (31); {@code serial} below 899,100. */
    public static String nir(int serial) {
        String body = "2" + "85" + "01" + "31" + String.format("%03d%03d", 100 + serial / 999, serial % 999 + 1);
        long key = 97 - Long.parseLong(body) % 97;
        return body + String.format("%02d", key);
    }

    public static final String BIRTH_DATE = "1985-01-14";

    /** A valid NIR of a boy born in March 2017 in Haute-Garonne (31); {@code serial} below 899,100. */
    public static String childNir(int serial) {
        String body = "1" + "17" + "03" + "31" + String.format("%03d%03d", 100 + serial / 999, serial % 999 + 1);
        long key = 97 - Long.parseLong(body) % 97;
        return body + String.format("%02d", key);
    }

    public static final String CHILD_BIRTH_DATE = "2017-03-09";

    /** One registry line of a child born on {@link #CHILD_BIRTH_DATE}, without e-mail (the household's goes to a parent). */
    public static String childLine(String nir, String lastName, String firstNames) {
        return String.join(";", nir, lastName, firstNames, CHILD_BIRTH_DATE, "31", "12 rue des Lois", "31000",
                "Commune 31", "");
    }

    /** One registry line; {@code email} may be null (a letter is sent instead). */
    public static String line(String nir, String lastName, String firstNames, String email) {
        return line(nir, lastName, firstNames, email, "31");
    }

    /** One registry line of a person living in {@code department}. */
    public static String line(String nir, String lastName, String firstNames, String email, String department) {
        String postcode = department.length() == 2 && Character.isDigit(department.charAt(1)) ? department + "000" : "97100";
        return String.join(";", nir, lastName, firstNames, BIRTH_DATE, department, "12 rue des Lois", postcode,
                "Commune " + department, email == null ? "" : email);
    }

    /** Drops the lines as one registry file and waits until the import function has processed it. */
    public static void importLines(LocalStack stack, String fileKey, List<String> lines) {
        String content = HEADER + "\n" + String.join("\n", lines) + "\n";
        stack.s3().putObject(b -> b.bucket(stack.physicalName("ImportBucket")).key(fileKey).contentType("text/csv"),
                RequestBody.fromBytes(content.getBytes(StandardCharsets.UTF_8)));
        stack.awaitS3Events();
    }

    /** The run of that file, as operators see it through the API. */
    public static JsonNode run(LocalStack stack, String fileKey) throws Exception {
        String api = stack.gatewayUrl();
        var response = Http.get(api + "/admin/population/imports?limite=100", Http.token(api, "operator", "agent=7"));
        assertThat(response.statusCode()).isEqualTo(200);
        for (JsonNode run : Http.JSON.readTree(response.body()).get("imports")) {
            if (run.get("fichier").asString().equals(fileKey)) {
                return run;
            }
        }
        throw new AssertionError("no run for " + fileKey);
    }
}
